// The `carnets stats --html` report in a real browser (Debian's Chromium, driven by
// playwright-core), as tests/it/stats_browser.rs runs it:
//
//   node stats-report.mjs REPORT.html SCREENSHOT_DIR CHROMIUM
//
// Opens the file from disk with the network cut off and fails (exit 1) when the page asks
// for anything but itself (it must read offline), logs a console error, runs a script,
// shows a chart without marks or with no size, scrolls sideways at 360 px, or when axe-core
// finds a violation, in light and dark. Saves screenshots at 1280 and 360 px.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { axeViolations } from "./axe.mjs";

const [report, shots, executablePath] = process.argv.slice(2);
if (!report || !shots || !executablePath) {
  console.error("usage: node stats-report.mjs REPORT.html SCREENSHOT_DIR CHROMIUM");
  process.exit(2);
}
const url = pathToFileURL(path.resolve(report)).href;

fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const errors = [];
let step = "start";
function check(ok, message) {
  if (!ok) throw new Error(`${step}: ${message}`);
}

try {
  // Offline: the report must need nothing from the network.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", offline: true });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && errors.push(`${step}: console: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`${step}: page error: ${e.message}`));

  step = "open";
  await page.goto(url, { waitUntil: "load" });
  check(requests.every((r) => r === url), `the report asks for other files:\n  ${requests.filter((r) => r !== url).join("\n  ")}`);
  check((await page.locator("script").count()) === 0, "the report holds a script");
  check((await page.getAttribute("html", "lang")) === "fr", "the report is not in French");
  check((await page.locator("h1").count()) === 1, "the report has not one h1");

  step = "charts";
  const charts = await page.locator("svg.chart").evaluateAll((svgs) =>
    svgs.map((s) => {
      const box = s.getBoundingClientRect();
      return {
        label: s.querySelector("title")?.textContent ?? "",
        width: box.width,
        height: box.height,
        marks: s.querySelectorAll("rect.bar, polyline.line").length,
        role: s.getAttribute("role"),
      };
    }),
  );
  check(charts.length >= 3, `only ${charts.length} charts`);
  for (const c of charts) {
    check(c.width > 100 && c.height > 50, `the chart «${c.label}» is ${c.width}×${c.height}`);
    check(c.marks > 0, `the chart «${c.label}» draws nothing`);
    check(c.role === "img" && c.label.length > 0, `the chart «${c.label}» is not a labelled image`);
  }
  for (const title of ["Téléchargements par jour", "Part de chaque application"]) {
    check(charts.some((c) => c.label === title), `no chart «${title}»`);
  }
  check(charts.some((c) => c.label.includes("premiers jours")), "no chart of an episode's first days");
  await page.screenshot({ path: path.join(shots, "stats-1280.png"), fullPage: true });

  step = "axe";
  const found = await axeViolations(page);
  check(found.length === 0, `axe found violations:\n  ${found.join("\n  ")}`);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(shots, "stats-1280-dark.png"), fullPage: true });

  step = "360 px";
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 360, height: 740 });
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scroll <= 361, `the page is ${scroll} px wide at 360 px`);
  await page.screenshot({ path: path.join(shots, "stats-360.png"), fullPage: true });

  check(errors.length === 0, `errors in the console:\n  ${errors.join("\n  ")}`);
  console.log("stats report: every check passed; screenshots in", shots);
} catch (e) {
  console.error(e.message);
  if (errors.length) console.error(`console errors:\n  ${errors.join("\n  ")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
