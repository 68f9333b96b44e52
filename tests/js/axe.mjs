// axe-core run on a page in light and dark: every violation, as text to print. Shared by the
// browser scripts (browser.mjs, stats-report.mjs).
import { createRequire } from "node:module";
import fs from "node:fs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export async function axeViolations(page) {
  const found = [];
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    if (!(await page.evaluate(() => typeof window.axe === "object"))) {
      await page.addScriptTag({ content: axeSource });
    }
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    found.push(...result.violations.map((v) =>
      `${colorScheme}: ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`).join("\n    ")}`));
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}
