// The screenshots of the main screens that docs/browser-app.md and the README show, made from
// the built page in Chromium (never a downloaded browser): bash scripts/build.sh first, then
//   node scripts/screenshots.mjs        (writes docs/screenshots/*.png)
// Not part of the test command: a picture is looked at, not asserted.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = 8097;
const server = spawn(process.execPath, ["scripts/serve.mjs", String(port)], { cwd: root, stdio: "ignore" });
await new Promise((done) => setTimeout(done, 800));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const out = (name) => `${root}docs/screenshots/${name}.png`;

async function page(width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  const p = await context.newPage();
  await p.goto(`http://127.0.0.1:${port}/www/`);
  await p.waitForSelector("main[data-state=ready]");
  return p;
}

try {
  // A non-EU frontier lab, three answers in: the decision beside the questions.
  const wide = await page(1280, 900);
  await wide.locator("#p-significant_generality").selectOption("yes");
  await wide.locator("#p-training_compute_flop").fill("3.8e25");
  await wide.locator("#p-training_compute_flop").press("Tab");
  await wide.locator("#p-placed_on_eu_market-yes").check();
  await wide.locator("#status-bar").evaluate((el) => el.scrollIntoView());
  await wide.screenshot({ path: out("guided-profile") });
  // The same assessment in the Safety and Security chapter, the bar still in view.
  await wide.getByRole("navigation", { name: "Parts of the check" }).getByRole("link", { name: /^Safety and Security/ }).click();
  await wide.locator("#chapter-SS .measure").nth(3).scrollIntoViewIfNeeded();
  await wide.screenshot({ path: out("guided-chapter") });
  // A phone, 390 px wide.
  const phone = await page(390, 844);
  await phone.locator("#p-org_develops_or_commissions_model-no").check();
  await phone.locator("#status-bar").evaluate((el) => el.scrollIntoView());
  await phone.screenshot({ path: out("guided-phone") });
  console.log("[screenshots] docs/screenshots/guided-profile.png, guided-chapter.png, guided-phone.png");
} finally {
  await browser.close();
  server.kill();
}
