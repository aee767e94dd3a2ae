// Drives Debian's chromium (no browser is downloaded) through the page of
// `newsgraph serve`, as a person would: load /, run who-met-whom from its
// form, read the rows, open the meetings diagram and read the names in its
// SVG, follow a fact to its article and offsets. Prints one JSON object on
// stdout; tests/serve_browser.rs checks it.
//
//   node tests/browser/serve.mjs URL SCREENSHOT.png
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const out = { requests: [], consoleErrors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on("request", (r) => out.requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error") out.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => out.consoleErrors.push(String(e)));
  await page.goto(url, { waitUntil: "networkidle" });
  out.title = await page.title();

  // who-met-whom, from its form
  const form = page.locator('form.canned[data-query="who-met-whom"]');
  await form.locator('button[type="submit"]').click();
  await page.locator("#table tbody tr").first().waitFor({ timeout: 15000 });
  out.status = await page.locator("#status").textContent();
  out.rows = await page.locator("#table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));

  // the meetings diagram
  await page.locator('#dot-form button[data-view="meetings"]').click();
  await page.locator("#diagram svg").waitFor({ timeout: 15000 });
  out.svgText = await page.locator("#diagram svg").evaluate((svg) =>
    [...svg.querySelectorAll("text")].map((t) => t.textContent));

  // a fact, followed to its article and offsets
  await page.locator("#load-facts").click();
  await page.locator("#facts-table a.offsets").first().waitFor({ timeout: 15000 });
  const link = page.locator("#facts-table a.offsets").first();
  out.factLink = await link.textContent();
  await link.click();
  await page.locator("#article mark").waitFor({ timeout: 15000 });
  out.marked = await page.locator("#article mark").textContent();

  await page.evaluate(() => window.scrollTo(0, 0));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  out.ok = true;
} catch (e) {
  out.ok = false;
  out.error = String(e && e.stack ? e.stack : e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
