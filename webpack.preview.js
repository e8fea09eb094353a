/**
 * npm run preview — the web page (src/preview/, built for production into dist/web/ by `npm run build`)
 * served in development: open a workbook, the task pane beside a read-only rendering of it, in any
 * browser, without Excel or a certificate; the real engine runs through the .xlsx host. Listens on PORT
 * (3000 by default).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const port = Number(process.env.PORT) || 3000;

module.exports = {
  mode: "development",
  devtool: "source-map",
  entry: { preview: "./src/preview/index.tsx" },
  output: { path: path.resolve(__dirname, "dist-preview"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json"), compilerOptions: { noEmit: false, sourceMap: true } } },
      },
    ],
  },
  plugins: [
    new CopyWebpackPlugin({ patterns: [{ from: "seeds/lang-giang.xlsx", to: "lang-giang.xlsx" }, { from: "assets/icon-32.png", to: "icon.png" }] }),
    new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html" }),
  ],
  performance: { hints: false },
  devServer: {
    port,
    host: "localhost",
    static: false,
    open: false,
    // A preview, not a development loop: no reload may wipe what a person (or a test) is doing.
    hot: false,
    liveReload: false,
    client: false,
    onListening: (server) => console.log(`Bản xem thử / preview: http://localhost:${server.server.address().port}/`),
  },
};
