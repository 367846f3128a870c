// The model cards of variants A and B fitted on the loaded cohort (issue 11,
// point 6): the weights with their standard errors, AUC, Brier score and a
// calibration plot with its table, all as the library reports them, and
// downloads of the model JSON and of a policy JSON with the cut-off on show
// (files that `veivalg decide --policy … --model …` and the package take back).
import { h } from "../dom.js";
import { block } from "./blocks.js";
import { lineChart, lineItem, widthOf } from "./charts.js";
import { calibrationTable, methodName, weightsTable } from "./tables.js";
import { download, jsonText } from "./export.js";

const VARIANTS = ["variant-a", "variant-b"];

/**
 * The cards in `container`. `show(t, fitted, …)` draws them from the
 * Worker's fit result `{ [key]: { model, card, policy? } }`; `policyFor(key)`
 * (given to `show`) asks for the policy JSON at the cut-off on show.
 */
export function modelCards(container, getT) {
  let data = null;
  let policyFor = null;
  const parts = {};

  function card(key) {
    const box = h("section", { class: "model-card", dataset: { model: key }, "aria-labelledby": `card-${key}-heading` });
    const heading = h("h3", { class: "aksel-heading aksel-heading--medium", id: `card-${key}-heading` });
    const facts = h("dl", { class: "cohort-facts aksel-body-short card-facts" });
    const downloads = h("div", { class: "card-downloads" });
    box.append(heading, facts);
    const calibration = block(box, { kind: "figure", file: () => `veivalg-kalibrering-${key}.svg`, level: 4, id: `card-${key}-calibration` });
    const calibrationTableBlock = block(box, { kind: "table", file: () => `veivalg-kalibrering-${key}.csv`, level: 5, id: `card-${key}-calibration-table` });
    const details = h("details", { class: "behind" }, h("summary", { class: "aksel-body-short" }));
    calibration.el.append(details);
    details.append(calibrationTableBlock.el);
    const weights = block(box, { kind: "table", file: () => `veivalg-vekter-${key}.csv`, level: 4, id: `card-${key}-weights` });
    box.append(downloads);
    container.append(box);
    return { box, heading, facts, downloads, calibration, calibrationTableBlock, details, weights };
  }

  function draw() {
    const t = getT();
    if (!data) return;
    for (const key of VARIANTS) {
      const d = data[key];
      if (!d) continue;
      parts[key] ??= card(key);
      const p = parts[key];
      const { model, card: metrics } = d;
      const name = methodName(t, key);
      p.heading.textContent = t("wb.card.heading", { name });
      const facts = [
        [t("wb.card.target"), t(`code.target.${model.target}`)],
        [t("wb.card.trainedOn"), `${model.trainedOn.cohort} (${t("wb.card.rowsN", { n: t.f.int(model.trainedOn.rows) })})`],
        [t("wb.card.auc"), t.f.dec3(metrics.auc)],
        [t("wb.card.brier"), t.f.dec3(metrics.brier)],
        [t("wb.card.eventRate"), t("wb.card.events", { rate: t.f.pct(metrics.eventRate), events: t.f.int(metrics.events), rows: t.f.int(metrics.rows) })],
        [t("wb.card.intercept"), t.f.signedDec(model.intercept, 3)],
      ];
      p.facts.replaceChildren(...facts.map(([k, v]) => h("div", { class: "cohort-fact" }, h("dt", {}, k), h("dd", { dataset: { fact: k } }, v))));
      p.box.dataset.auc = String(metrics.auc);
      p.box.dataset.brier = String(metrics.brier);
      const bins = metrics.calibration.filter((b) => b.count > 0);
      p.calibration.update(t, {
        title: t("wb.card.calibrationHeading", { name }),
        helpText: t("wb.card.calibrationHelp"),
        content: lineChart(t, widthOf(p.calibration.body, 560), {
          id: `card-${key}-calibration-svg`,
          labelledBy: p.calibration.heading.id,
          desc: t("wb.card.calibrationDesc", { name }),
          xLabel: t("wb.card.predicted"),
          yLabel: t("wb.card.observed"),
          series: [{ key: "calibration", name: t("wb.card.observed"), cls: `series--${key}`, marks: true, points: bins.map((b) => [b.meanPredicted, b.observed]) }],
          legend: [lineItem({ name: t("wb.card.observedLegend"), cls: `series--${key}`, marks: true }, 0), lineItem({ name: t("wb.card.diagonal"), cls: "series--diagonal" }, 2)],
          diagonal: true,
        }),
      });
      p.details.querySelector("summary").textContent = t("wb.curve.showTable");
      p.calibrationTableBlock.update(t, { title: t("wb.card.calibrationCaption", { name }), content: calibrationTable(t, `card-${key}-calibration-rows`, name, metrics.calibration) });
      p.weights.update(t, { title: t("wb.card.weightsHeading"), helpText: t("wb.card.weightsHelp"), content: weightsTable(t, `card-${key}-weights-table`, model) });
      const modelButton = h("button", { type: "button", class: "aksel-button aksel-button--small", "data-variant": "secondary", dataset: { download: "model" } }, h("span", { class: "aksel-label" }, t("wb.card.downloadModel", { name })));
      modelButton.addEventListener("click", () => download(jsonText(model), `veivalg-model-${model.id}-${model.version}.json`, "application/json"));
      const buttons = [modelButton];
      if (policyFor) {
        const policyButton = h("button", { type: "button", class: "aksel-button aksel-button--small", "data-variant": "secondary", dataset: { download: "policy" } }, h("span", { class: "aksel-label" }, t("wb.card.downloadPolicy", { name })));
        policyButton.addEventListener("click", async () => {
          const policy = await policyFor(key);
          download(jsonText(policy), `veivalg-policy-${policy.id}.json`, "application/json");
        });
        buttons.push(policyButton);
      }
      p.downloads.replaceChildren(h("p", { class: "aksel-body-short" }, t("wb.card.downloadHelp")), h("div", { class: "button-row" }, buttons));
    }
  }

  return {
    show(_t, fitted, policyLookup) {
      data = fitted;
      policyFor = policyLookup ?? null;
      draw();
    },
    clear() {
      data = null;
      container.replaceChildren();
      for (const k of Object.keys(parts)) delete parts[k];
    },
    redraw: () => draw(),
  };
}
