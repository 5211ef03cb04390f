import { loadSeedExamples } from "@stepwise/testkit";
import { describe, expect, it, vi } from "vitest";
import { buy_apple, main } from "../src/apple.js";

describe("example apple", () => {
  const { apple } = loadSeedExamples();
  it("reproduces the notes exactly: 220.00000000000003, 2.2, 110.00000000000001, 200", () => {
    const { inputs } = apple;
    const r = buy_apple(inputs["apple"], inputs["apple_num"], inputs["tax"]);
    expect(r).toStrictEqual({
      price: apple.price,
      dapple: apple.dapple,
      dapple_num: apple.dappleNum,
      dtax: apple.dtax,
    });
    expect(buy_apple()).toStrictEqual({
      price: 220.00000000000003,
      dapple: 2.2,
      dapple_num: 110.00000000000001,
      dtax: 200,
    });
  });

  it("prints the numbers", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    main();
    expect(log.mock.calls).toStrictEqual([
      ["price:", 220.00000000000003],
      ["dapple:", 2.2],
      ["dapple_num:", 110.00000000000001],
      ["dtax:", 200],
    ]);
    log.mockRestore();
  });
});
