import { expect, test } from "@playwright/test";

test("the step view walks L_model_forward_test_case_2hidden to the course's AL", async ({ page }, info) => {
  await page.goto("./?view=step");
  await expect(page.getByTestId("step-fn")).toHaveText("linear_activation_forward");
  // Step 3: layer 3, LINEAR → SIGMOID. The course's Expected Output: AL = [[0.03921668 0.70498921 0.19734387 0.04728177]].
  await page.getByTestId("step-2").click();
  const AL = page.locator('[data-name="A3 = AL"] td');
  await expect(AL).toHaveText(["0.03921668", "0.70498921", "0.19734387", "0.04728177"]);
  await expect(page.locator('[data-name="A3 = AL"] .shape')).toHaveText("shape (1, 4)");
  await expect(page.getByTestId("step").locator(".katex").first()).toBeVisible();
  await page.screenshot({ path: info.outputPath("step-forward.png"), fullPage: true });
  // Then the cost, three backward steps and the update, each naming its course function.
  const fns: string[] = [];
  for (let i = 3; i <= 7; i++) {
    await page.getByTestId(`step-${i}`).click();
    fns.push((await page.getByTestId("step-fn").textContent()) ?? "");
  }
  expect(fns).toEqual([
    "compute_cost",
    "linear_activation_backward",
    "linear_activation_backward",
    "linear_activation_backward",
    "update_parameters",
  ]);
  await page.getByTestId("step-4").click();
  for (const name of ["dAL", "dZ3", "dW3", "db3", "dA_prev = dA2"])
    await expect(page.locator(`[data-name="${name}"]`)).toBeVisible();
  await page.screenshot({ path: info.outputPath("step-backward.png"), fullPage: true });
});

test("gradient_check_n on the course's test case: difference ≈ 1.189e-07, under 2e-7", async ({
  page,
}, info) => {
  await page.goto("./?view=step");
  await page.getByTestId("step-case").selectOption("gradient-check");
  await page.getByTestId("gradient-check").click();
  const difference = Number(await page.getByTestId("difference").textContent());
  // The notebook prints 1.1890913024229996e-07; numpy here gives 1.1890913024643007e-07 and our sums run
  // in another order, which moves the finite differences' last digits: within 1 % (as backward's test).
  expect(difference).toBeLessThan(2e-7);
  expect(Math.abs(difference - 1.1890913024643007e-7)).toBeLessThan(0.01 * 1.189e-7);
  await expect(page.getByTestId("gradient-check-result")).toContainText("works perfectly fine");
  await page.screenshot({ path: info.outputPath("gradient-check.png"), fullPage: true });
});

test("the notes' one-example ReLU net shows the notes' loss and first update, every digit", async ({
  page,
}) => {
  await page.goto("./?view=step");
  await page.getByTestId("step-case").selectOption("notes-relu");
  await page.getByTestId("full-precision").check();
  await page.getByTestId("step-0").click();
  await expect(page.locator('[data-name="Z1"] td')).toHaveText(["0.7999999999999999", "1.4000000000000001"]);
  await page.getByTestId("step-2").click();
  await expect(page.locator('[data-name="cost"] .number')).toHaveText("0.04500000000000008");
  await page.getByTestId("step-5").click();
  // The notes' W1 after one step, [[1.03, -1.015], [0.048, 1.976], [1.012, 0.494]], in the course's layout.
  await expect(page.locator('[data-name="W1"] td')).toHaveText([
    "1.03",
    "0.04800000000000004",
    "1.012",
    "-1.0150000000000001",
    "1.976",
    "0.494",
  ]);
});
