// The site in a real browser (Debian's Chromium, driven by playwright-core), as
// tests/it/browser.rs runs it against `carnets serve`:
//
//   node browser.mjs BASE_URL SCREENSHOT_DIR CHROMIUM
//
// Loads the home, an episode, the search and the 404 pages; fails (exit 1) on a console
// error, a podroll, value or player source missing, an audio source that does not load, a chapter or transcript time that does not
// move the player, a search that misses, a page wider than a 360 px screen, or any axe-core
// violation, in light and dark. Saves screenshots at 360 and 1280 px.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { axeViolations } from "./axe.mjs";

const [base, shots, executablePath] = process.argv.slice(2);
if (!base || !shots || !executablePath) {
  console.error("usage: node browser.mjs BASE_URL SCREENSHOT_DIR CHROMIUM");
  process.exit(2);
}
const EPISODE = "episodes/001-premier-bilan/";
// In the transcript of episode 1 only: not in a title, a summary or show notes.
const TRANSCRIPT_ONLY = "soixante";

fs.mkdirSync(shots, { recursive: true });
// launch() gives the browser a fresh, temporary profile (user data dir) of its own.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(base).origin });

const errors = [];
let step = "start";
function check(ok, message) {
  if (!ok) throw new Error(`${step}: ${message}`);
}

const page = await context.newPage();
page.setDefaultTimeout(20000);
const MISSING = "nulle-part/";
page.on("console", (m) => {
  if (m.type() !== "error") return;
  // Chromium logs the 404 status of the missing page the test asks for: that one is expected.
  if (m.location().url.endsWith(MISSING) && m.text().includes("404")) return;
  errors.push(`${step}: console: ${m.text()} (${m.location().url})`);
});
page.on("pageerror", (e) => errors.push(`${step}: page error: ${e.message}`));

async function open(url) {
  const response = await page.goto(new URL(url, base).href, { waitUntil: "load" });
  return response;
}

async function axe(label) {
  const found = await axeViolations(page);
  check(found.length === 0, `axe found violations on ${label}:\n  ${found.join("\n  ")}`);
}

async function noHorizontalScroll(label) {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    wide: Array.from(document.querySelectorAll("body *"))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
  check(scroll <= width, `${label} scrolls sideways at ${width} px (${scroll} px wide: ${wide.join(", ")})`);
}

async function shot(name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function currentTimeNear(expected, label) {
  check(!page.url().includes(".mp3"), `${label}: the link left the page for ${page.url()} instead of seeking`);
  await page.waitForFunction(
    (t) => Math.abs(document.getElementById("lecteur").currentTime - t) < 1.5, expected, { timeout: 10000 },
  ).catch(() => {});
  const now = await page.evaluate(() => document.getElementById("lecteur").currentTime);
  check(Math.abs(now - expected) < 1.5, `${label}: the player is at ${now} s, not ${expected} s`);
  await page.evaluate(() => document.getElementById("lecteur").pause());
}

try {
  step = "home";
  const home = await open("");
  check(home.status() === 200, `home page: HTTP ${home.status()}`);
  check((await page.getAttribute("html", "lang")) === "fr", "lang is not fr");
  check((await page.locator("h1").count()) === 1, "not one h1");
  const cards = await page.locator(".card h3").allTextContents();
  check(cards.length === 4 && cards[3].includes("premier bilan"), `episodes not newest first: ${cards}`);
  const copy = page.locator(".subscribe button[data-copy]");
  check(await copy.isVisible(), "the copy button is not shown");
  const recommended = await page.locator("section[aria-labelledby=recommandations] a").count();
  check(recommended === 2, `« Nos recommandations » lists ${recommended} shows, not 2`);
  const lightning = await page.locator("section[aria-labelledby=soutenir] a[href^='lightning:']").count();
  check(lightning === 1, `« Soutenir l’émission » has ${lightning} Lightning links, not 1`);
  await copy.click();
  await page.waitForFunction(() => document.querySelector(".copy-status").textContent.length > 0);
  check((await page.textContent(".copy-status")).includes("copiée"), "the copy was not confirmed");
  await axe("the home page");
  await shot("home-1280");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot("home-1280-dark");
  await page.emulateMedia({ colorScheme: "light" });

  step = "episode";
  await open(EPISODE);
  const duration = await page.evaluate(() => new Promise((resolve, reject) => {
    const audio = document.getElementById("lecteur");
    audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
    audio.addEventListener("error", () => reject(new Error(`audio error ${audio.error && audio.error.code}`)), { once: true });
    audio.preload = "metadata";
    audio.load();
  }));
  check(duration > 20, `the audio's duration is ${duration}`);
  // The player offers the formats before the MP3: Chromium takes the first it plays, Opus.
  check((await page.locator("#lecteur source").count()) === 3, "the player does not offer three formats");
  const chosen = await page.evaluate(() => document.getElementById("lecteur").currentSrc);
  check(chosen.endsWith(".opus"), `the player plays ${chosen}, not the Opus`);
  const own = await page.locator("section[aria-labelledby=soutenir] a[href^='lightning:']").count();
  check(own === 2, `the episode's own value shows ${own} Lightning links, not 2`);
  const chapters = page.locator(".chapters a.seek");
  check((await chapters.count()) === 4, "not four chapters");
  await chapters.nth(2).click();
  await currentTimeNear(15.846, "clicking chapter 3");
  check(page.url().endsWith(EPISODE), `clicking a chapter left the page: ${page.url()}`);
  await chapters.nth(3).focus();
  await page.keyboard.press("Enter");
  await currentTimeNear(22.402, "Enter on chapter 4");
  const paragraphs = page.locator(".transcript p[id] a.seek");
  check((await paragraphs.count()) >= 3, "the transcript has no paragraphs");
  const start = parseFloat(await paragraphs.nth(2).getAttribute("data-start"));
  await paragraphs.nth(2).click();
  await currentTimeNear(start, "clicking a transcript time");
  check((await page.locator(".transcript .speaker").first().textContent()).length > 0, "no speaker");
  await axe("the episode page");
  await shot("episode-1280");

  step = "search";
  await open(`search/?q=${TRANSCRIPT_ONLY}`);
  await page.waitForSelector(".search-results li");
  const hits = await page.locator(".search-results li .result-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  check(hits.length === 1 && hits[0].startsWith(`/${EPISODE}#tr-`), `« ${TRANSCRIPT_ONLY} » found ${hits}`);
  check((await page.textContent(".search-results .excerpt")).toLowerCase().includes(TRANSCRIPT_ONLY), "no excerpt");
  await page.fill("#q", "EQUIPE");
  await page.waitForFunction(() => document.querySelector(".search-status").textContent.includes("EQUIPE"));
  const accents = await page.locator(".search-results li .result-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  check(accents.some((h) => h.includes("003-chef-de-projet-ia")), `« EQUIPE » did not find « équipe »: ${accents}`);
  await page.fill("#q", "zzzquetzal");
  await page.waitForFunction(() => document.querySelector(".search-status").textContent.includes("Aucun"));
  await page.fill("#q", TRANSCRIPT_ONLY);
  await page.waitForFunction(() => document.querySelectorAll(".search-results li").length === 1);
  await axe("the search page");
  await page.click(".search-results li .result-title a");
  await page.waitForURL(/#tr-/);
  check((await page.evaluate(() => document.querySelector(":target").textContent)).toLowerCase().includes(TRANSCRIPT_ONLY),
    "the search result does not lead to the paragraph");

  step = "404";
  const missing = await open(MISSING);
  check(missing.status() === 404, `a missing page answers ${missing.status()}`);
  await axe("the 404 page");

  step = "360 px";
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [url, name] of [["", "home-360"], [EPISODE, "episode-360"], [`search/?q=${TRANSCRIPT_ONLY}`, "search-360"]]) {
    await open(url);
    if (name === "search-360") await page.waitForSelector(".search-results li");
    await noHorizontalScroll(name);
    await shot(name);
  }
  await axe("the home page at 360 px");

  step = "without JavaScript";
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const bare = await plain.newPage();
  await bare.goto(new URL("search/?q=equipe", base).href);
  check(await bare.locator(".notice").isVisible(), "without JavaScript, the search page does not say why it cannot search");
  check((await bare.locator(".search-all .card").count()) === 4, "without JavaScript, the search page lists no episode");
  await bare.goto(base);
  check(!(await bare.locator(".subscribe button[data-copy]").isVisible()), "the copy button shows without its script");
  check(await bare.locator("#adresse-flux").isVisible(), "the feed address is not shown");
  await bare.goto(new URL(EPISODE, base).href);
  const fallback = await bare.locator(".chapters a.seek").nth(1).getAttribute("href");
  check(fallback.endsWith(".mp3#t=10.374"), `a chapter without JavaScript links to ${fallback}`);
  await plain.close();

  check(errors.length === 0, `errors in the console:\n  ${errors.join("\n  ")}`);
  console.log("browser: every check passed; screenshots in", shots);
} catch (e) {
  console.error(e.message);
  if (errors.length) console.error(`console errors:\n  ${errors.join("\n  ")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
