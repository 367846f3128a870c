// The built package loaded from Node the way a consumer does, once for
// every test file of tests/js/: import the two ES modules (`veivalg` and
// `veivalg/cohort`, each with its own wasm) and initSync each with its wasm
// bytes. `veivalg/cohort` is `cohort/index.js`, the file package.json maps
// it to (the wrapper of pkg-config/cohort-wrapper.js round the generated
// class); a package built before the wrapper existed has only the generated
// `cohort/veivalg_cohort.js`, which is taken instead.
//
// VEIVALG_PKG is the package directory (default `pkg/`, from `make pkg`).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../../", import.meta.url);

/** The package directory, as a `file:` URL ending in `/`. */
export const pkgDir = new URL((process.env.VEIVALG_PKG ?? "pkg/").replace(/\/?$/, "/"), root);

/** The `veivalg` entry point, initialised. */
export const veivalg = await import(new URL("veivalg.js", pkgDir).href);
veivalg.initSync({ module: readFileSync(new URL("veivalg_bg.wasm", pkgDir)) });

const wrapper = new URL("cohort/index.js", pkgDir);
/** The `veivalg/cohort` entry point, initialised. */
export const cohortModule = await import(
  (existsSync(fileURLToPath(wrapper)) ? wrapper : new URL("cohort/veivalg_cohort.js", pkgDir)).href
);
cohortModule.initSync({ module: readFileSync(new URL("cohort/veivalg_cohort_bg.wasm", pkgDir)) });

/** The `Cohort` class of `veivalg/cohort`. */
export const { Cohort } = cohortModule;

/**
 * A 45-year-old who lost their job in March 2025, with higher education
 * (approved and passed), no obstacles, employed without a break since
 * February 2023: every quick-return criterion of every ruleset holds (the
 * same registration as `quick_return_person` in tests/shared/fixtures.rs).
 */
export const quickReturnPerson = () => ({
  registeredOn: "2025-03-14",
  birthDate: "1979-06-02",
  answers: {
    situation: "MISTET_JOBBEN",
    education: "HOYERE_UTDANNING_1_TIL_4",
    educationApproved: "JA",
    educationPassed: "JA",
    healthObstacles: "NEI",
    otherObstacles: "NEI",
  },
  employment: [{ start: "2023-02-01", end: null }],
});

/**
 * `quickReturnPerson` with an id, an earlier employment period and five
 * months of wages (as `person_with_history` in tests/shared/fixtures.rs).
 */
export const personWithHistory = () => ({
  ...quickReturnPerson(),
  id: "h-1",
  employment: [{ start: "2023-02-01", end: null }, { start: "2019-01-01", end: "2022-12-31" }],
  wages: [
    { month: "2024-10", nok: 41000 }, { month: "2024-11", nok: 41000 },
    { month: "2024-12", nok: 52000.5 }, { month: "2025-01", nok: 0 },
    { month: "2025-02", nok: 38000 },
  ],
});
