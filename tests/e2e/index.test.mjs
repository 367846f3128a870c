// Browser end-to-end tests of what every page shares: the server's headers,
// the landing page (index.html) and its links, the three languages on every
// page, no sideways scrolling at 360 and 1280 px, NAV's font from a local
// package, and print media on the counsellor page. Needs pkg/ (`make pkg`).
//   node --test tests/e2e/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { env, openPage, assertClean, assertAccessible, assertNoSidewaysScroll, fillCitizen } from "./support.mjs";

const PAGES = ["/", "/citizen.html", "/counsellor.html", "/workbench.html"];

test("serves the pages with a strict CSP and no-referrer, and nothing outside its folders", async () => {
  const res = await fetch(env.server.url);
  assert.equal(res.status, 200);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(res.headers.get("referrer-policy"), "no-referrer");
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const wasm = await fetch(new URL("pkg/veivalg_bg.wasm", env.server.url));
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  const font = await fetch(new URL("vendor/fonts/source-sans-3/files/source-sans-3-latin-400-normal.woff2", env.server.url));
  assert.equal(font.headers.get("content-type"), "font/woff2");
  for (const bad of ["pkg/", "..%2fCargo.toml", "%2e%2e/Cargo.toml", ".git/config", "vendor/fonts/source-sans-3/../../../package.json"]) {
    assert.equal((await fetch(new URL(bad, env.server.url))).status, 404, bad);
  }
});

test("landing page: explains and links the three pages, with no form of its own, in nb, nn and en", async () => {
  const session = await openPage("/", { width: 1280, height: 900 });
  const { page } = session;
  assert.equal(await page.locator("form, input").count(), 0);
  assert.deepEqual(await page.$$eval(".page-card", (cards) => cards.map((c) => c.dataset.page)), ["citizen", "counsellor", "demo"]);
  assert.match(await page.textContent(".page-card[data-page=citizen]"), /Hvor blir jeg sendt\?/);
  assert.match(await page.textContent(".privacy"), /Ingenting du skriver inn, sendes noe sted/);
  await page.getByRole("button", { name: "Nynorsk" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "nn");
  assert.match(await page.textContent("h2#pages"), /Tre sider, for tre slags brukarar/);
  assert.match(await page.textContent(".page-card[data-page=counsellor]"), /For rettleiarar/);
  await page.getByRole("link", { name: "Til innbyggjarsida" }).click();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(new URL(page.url()).pathname, "/citizen.html");
  assert.equal(await page.getAttribute("html", "lang"), "nn");
  assert.match(await page.textContent("h1"), /Kvar blir eg send som ny arbeidssøkjar\?/);
  assertClean(session);
  await session.context.close();
});

test("every page in nb, nn and en: <html lang> follows, and a key string per language", async () => {
  const expected = {
    "/": { nb: "Tre sider, for tre slags brukere", nn: "Tre sider, for tre slags brukarar", en: "Three pages, for three kinds of users" },
    "/citizen.html": { nb: "Hvor blir jeg sendt som ny arbeidssøker?", nn: "Kvar blir eg send som ny arbeidssøkjar?", en: "Where will I be sent as a new job seeker?" },
    "/counsellor.html": { nb: "Veivalg for veiledere", nn: "Veivalg for rettleiarar", en: "Veivalg for counsellors" },
    "/workbench.html": { nb: "Arbeidsbenk for analytikere", nn: "Arbeidsbenk for analytikarar", en: "Analyst's workbench" },
  };
  for (const path of PAGES) {
    for (const lang of ["nb", "nn", "en"]) {
      const session = await openPage(`${path}?lang=${lang}`, { width: 1280, height: 900 });
      const { page } = session;
      assert.equal(await page.getAttribute("html", "lang"), lang, path);
      assert.match(await page.textContent("body"), new RegExp(expected[path][lang].replace(/[?()]/g, "\\$&")), `${path} ${lang}`);
      assert.equal(await page.getAttribute(`#lang-switch [data-lang=${lang}]`, "aria-pressed"), "true");
      if (path === "/counsellor.html") {
        await page.waitForSelector("veivalg-panel[data-state=ready]");
        assert.equal(await page.getAttribute("veivalg-panel", "lang"), lang);
      }
      if (path === "/workbench.html") await page.waitForSelector("body[data-renders]");
      assertClean(session);
      await session.context.close();
    }
  }
});

test("no page scrolls sideways at 360 px or 1280 px, with results shown; chart text is at least 12 px", async () => {
  for (const width of [360, 1280]) {
    for (const path of PAGES) {
      const session = await openPage(path, { width, height: 800 });
      const { page } = session;
      if (path === "/citizen.html") {
        await fillCitizen(page);
        await page.click("#submit");
        await page.waitForSelector("#result[data-unit]");
      }
      if (path === "/counsellor.html") {
        await page.waitForSelector("veivalg-panel[data-state=ready]");
        await page.click("veivalg-panel .wage-table summary");
      }
      if (path === "/workbench.html") await page.waitForSelector("#curves[data-ready]");
      await assertNoSidewaysScroll(page);
      if (path === "/counsellor.html" || path === "/workbench.html") {
        const sizes = await page.$$eval("svg text", (texts) =>
          texts.filter((t) => t.getBoundingClientRect().height > 0).map((t) => t.getBoundingClientRect().height),
        );
        assert.ok(sizes.length > 5, `${path}: ${sizes.length} chart texts`);
        // A 12 px font draws glyph boxes of about 12–17 px.
        assert.ok(Math.min(...sizes) >= 11.5, `${path} at ${width}: smallest chart text ${Math.min(...sizes)} px`);
      }
      if (width === 360) await assertAccessible(page);
      assertClean(session);
      await session.context.close();
    }
  }
});

test("at 360 px in nynorsk and English, the longest states fit too: error summaries, warnings, the counsellor's form and the panel after the G table", async () => {
  const phone = { width: 360, height: 800 };
  for (const lang of ["nn", "en"]) {
    // The citizen page: every field missing, then a warning to confirm.
    const citizen = await openPage(`/citizen.html?lang=${lang}`, phone);
    await citizen.page.fill("#registeredOn", "");
    await citizen.page.click("#submit");
    await citizen.page.waitForSelector("#problems:not([hidden])");
    await assertNoSidewaysScroll(citizen.page);
    await fillCitizen(citizen.page, { birthDate: "01.01.2085", registeredOn: "14.03.2099", since: "01.01.2100" });
    await citizen.page.click("#submit");
    await citizen.page.waitForSelector('#problems[data-kind="warning"]');
    await assertNoSidewaysScroll(citizen.page);
    await citizen.page.check("#problems-confirm");
    await citizen.page.click("#submit");
    await citizen.page.waitForSelector("#result[data-unit]");
    await assertNoSidewaysScroll(citizen.page);
    assert.doesNotMatch(await citizen.page.textContent("#result"), /null|undefined|NaN/);
    // The receipt stacks on a phone: each value under its label, not in a narrow second column.
    const [dt, dd] = await citizen.page.$eval("#receipt-policy", (el) => [el.previousElementSibling.getBoundingClientRect(), el.getBoundingClientRect()].map((r) => ({ left: r.left, top: r.top, width: r.width })));
    assert.equal(dd.left, dt.left, JSON.stringify([dt, dd]));
    assert.ok(dd.top > dt.top && dd.width > 250, JSON.stringify([dt, dd]));
    assertClean(citizen);
    await citizen.context.close();

    // The counsellor page: the form open with its error summary, then the
    // person registered after the G table, with the wage table and log-odds open.
    const counsellor = await openPage(`/counsellor.html?lang=${lang}`, phone);
    const { page } = counsellor;
    await page.waitForSelector("veivalg-panel[data-state=ready]");
    await page.click("#form-box > summary");
    await page.fill("#birthDate", "");
    await page.click("#submit");
    await page.waitForSelector("#problems:not([hidden])");
    await assertNoSidewaysScroll(page);
    await page.selectOption("#sample", { index: 5 });
    await page.waitForFunction(() => document.querySelector("veivalg-panel .verdict")?.textContent.includes("syntetisk-6"));
    assert.equal(await page.locator("veivalg-panel .method-card .g-note").count(), 2);
    for (const summary of await page.$$("veivalg-panel details > summary")) await summary.click();
    await assertNoSidewaysScroll(page);
    assertClean(counsellor);
    await counsellor.context.close();
  }
});

test("the old analysis page demo.html leads to the workbench, keeping the language", async () => {
  const session = await openPage("/demo.html?lang=nn", { width: 1280, height: 900 });
  const { page } = session;
  assert.equal(new URL(page.url()).pathname, "/workbench.html");
  assert.equal(new URL(page.url()).search, "?lang=nn");
  assert.equal(await page.getAttribute("html", "lang"), "nn");
  await page.waitForSelector("body[data-renders]");
  assertClean(session);
  await session.context.close();
});

test("NAV's font Source Sans 3 is loaded from the local package", async () => {
  const session = await openPage("/citizen.html", { width: 1280, height: 900 });
  const { page } = session;
  await page.evaluate(() => document.fonts.ready);
  assert.equal(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"')), true);
  assert.ok(session.requests.some((u) => /\/vendor\/fonts\/source-sans-3\/files\/.*\.woff2$/.test(u)), "a woff2 file was requested");
  assertClean(session);
  await session.context.close();
});

test("counsellor: print media keeps the assessment and drops the picker", async () => {
  const session = await openPage("/counsellor.html", { width: 1280, height: 900 });
  const { page } = session;
  await page.waitForSelector("veivalg-panel[data-state=ready]");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".picker"), false);
  assert.equal(await page.isVisible("#print"), false);
  assert.equal(await page.isVisible("veivalg-panel [data-part=decision]"), true);
  assert.equal(await page.isVisible("veivalg-panel .self-assessment"), true);
  assert.equal(await page.isVisible("veivalg-panel [data-part=contributions]"), true);
  assertClean(session);
  await session.context.close();
});

test("the README shows every screenshot in docs/screenshots/ at 390 and 1280 px, and each one it shows exists", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const files = readdirSync(new URL("../../docs/screenshots/", import.meta.url)).filter((f) => f.endsWith(".png")).sort();
  const shown = [...new Set([...readme.matchAll(/<img src="docs\/screenshots\/([^"]+\.png)"/g)].map((m) => m[1]))].sort();
  assert.deepEqual(shown, files);
  const pages = new Set(files.map((f) => f.replace(/-(390|1280)\.png$/, "")));
  for (const name of pages) {
    assert.ok(files.includes(`${name}-390.png`) && files.includes(`${name}-1280.png`), `${name} at 390 and 1280 px`);
  }
  for (const page of ["index", "citizen-result", "citizen-errors", "counsellor", "workbench", "panel-embedded"]) assert.ok(pages.has(page), page);
});
