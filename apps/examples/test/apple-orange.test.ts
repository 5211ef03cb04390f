import { loadSeedExamples } from "@stepwise/testkit";
import { describe, expect, it, vi } from "vitest";
import { buy_apple_orange, main } from "../src/apple-orange.js";

describe("example apple-orange", () => {
  const { appleOrange } = loadSeedExamples();
  it("reproduces the notes exactly: 715.0000000000001, 110.00000000000001, 2.2, 3.3000000000000003, 165, 650", () => {
    const { inputs } = appleOrange;
    const r = buy_apple_orange(
      inputs["apple"],
      inputs["apple_num"],
      inputs["orange"],
      inputs["orange_num"],
      inputs["tax"],
    );
    expect(r).toStrictEqual({
      price: appleOrange.price,
      dapple_num: appleOrange.dappleNum,
      dapple: appleOrange.dapple,
      dorange: appleOrange.dorange,
      dorange_num: appleOrange.dorangeNum,
      dtax: appleOrange.dtax,
    });
    expect(buy_apple_orange()).toStrictEqual({
      price: 715.0000000000001,
      dapple_num: 110.00000000000001,
      dapple: 2.2,
      dorange: 3.3000000000000003,
      dorange_num: 165,
      dtax: 650,
    });
  });

  it("prints the numbers", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    main();
    expect(log.mock.calls.map(([label]) => label)).toStrictEqual([
      "price:",
      "dapple_num:",
      "dapple:",
      "dorange:",
      "dorange_num:",
      "dtax:",
    ]);
    expect(log.mock.calls[0]?.[1]).toBe(715.0000000000001);
    log.mockRestore();
  });
});
