import { periodIn } from "../../src/core/plan/period";

describe("the period a district sheet's title rows give", () => {
  it.each([
    ["(Số liệu đến tháng 6/2019)", "tháng 6/2019"],
    ["Số liệu tính đến ngày 30/6/2019", "ngày 30/6/2019"],
    ["SỐ LIỆU ĐẾN THÁNG 6/2019", "tháng 6/2019"],
    ["So lieu den thang 6/2019", "thang 6/2019"],
    ["(Tính đến 31/12/2020)", "31/12/2020"],
    ["Số liệu  đến\nquý II/2019", "quý II/2019"],
    ["Số liệu đến tháng 6/2019", "tháng 6/2019"],
  ])("reads %j as %j", (title, period) => {
    expect(periodIn(title)).toBe(period);
  });

  it.each(["BIỂU TỔNG HỢP TRƯỞNG THÔN LÀ ĐẢNG VIÊN", "HUYỆN ỦY LẠNG GIANG", "Đến năm 2020 phấn đấu 75%", "Số liệu đến nay"])("finds no period in %j", (title) => {
    expect(periodIn(title)).toBeNull();
  });
});
