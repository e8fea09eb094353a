/* eslint-disable no-undef */
/*
 * Bundles the task pane (React + Fluent UI) and the ribbon's command (no React) the way Microsoft's yo office
 * template does: taskpane.html, assets/ and manifest.xml in dist/. The manifest's shared runtime loads the
 * command with the pane's page, so taskpane.html carries both bundles; the command stays its own bundle,
 * small and free of React (CommandsStayLean, npm run check:bundle).
 * Beside them, the web page (dist/web/index.html) for Excel versions that cannot run add-ins.
 *
 *   npm run build       production bundles in dist/; manifest URLs rewritten to ADDIN_URL
 *   npm run dev-server  https://localhost:3000 with the Office dev certificates (created on first run)
 *
 * Certificates are only needed by the dev server, never by a build.
 */
const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** The one production setting: where dist/ is served from, e.g. https://addin.example.vn/de-an-02/ */
function productionUrl() {
  const raw = process.env.ADDIN_URL;
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be an https:// address (Office loads add-ins over HTTPS only): ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Modules that must never reach the ribbon's function file: it loads on every click. */
const HEAVY = /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|exceljs)[\\/]/;

class CommandsStayLean {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("CommandsStayLean", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "CommandsStayLean", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
        const entry = compilation.entrypoints.get("commands");
        if (!entry) return;
        const resources = (module) => (module.modules ? [...module.modules].flatMap(resources) : [module.resource || module.identifier()]);
        const heavy = new Set();
        for (const chunk of entry.chunks) {
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            for (const resource of resources(module)) if (HEAVY.test(resource)) heavy.add(path.relative(__dirname, resource));
          }
        }
        if (heavy.size) {
          compilation.errors.push(new webpack.WebpackError(`The commands bundle must not load React, Fluent UI or ExcelJS, but it contains:\n  ${[...heavy].slice(0, 10).join("\n  ")}`));
        }
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const prodUrl = dev ? null : productionUrl();

  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The web page for offices whose Excel cannot run add-ins: the same engine, served from dist/web/.
      web: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    // No `global` shim: webpack's shim reaches globalThis through new Function, which a strict CSP refuses.
    node: { global: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "seeds/lang-giang.xlsx", to: "web/lang-giang.xlsx" },
          { from: "assets/icon-32.png", to: "web/icon.png" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return prodUrl ? content.toString().split(DEV_URL).join(prodUrl) : content;
            },
          },
        ],
      }),
      // The command first: Office.actions.associate must run before Office answers the ribbon's click.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["commands", "taskpane"], chunksSortMode: "manual" }),
      new HtmlWebpackPlugin({ filename: "web/index.html", template: "./src/preview/preview.html", chunks: ["web"] }),
      new CommandsStayLean(),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("ManifestUrl", (compilation) => {
            if (!dev && !prodUrl) {
              compilation.warnings.push(new webpack.WebpackError(`ADDIN_URL is not set: dist/manifest.xml still points at ${DEV_URL}. Build with ADDIN_URL=https://…/ to deploy.`));
            }
          });
        },
      },
    ],
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    // The one lazy chunk (ExcelJS and zod, for reading picked files) stays one file, named for what it is.
    optimization: { splitChunks: false },
  };

  if (env.WEBPACK_SERVE) {
    // Required here only: a build must not need the certificates (or their native dependencies).
    const devCerts = require("office-addin-dev-certs");
    const https = await devCerts.getHttpsServerOptions();
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port) || DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } },
      static: false,
      hot: false,
    };
  }
  return config;
};
