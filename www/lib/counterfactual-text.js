// A decision's counterfactuals (design §3: the smallest change of one or two
// model inputs that flips the unit) as sentences in the page's language.
//
//   counterfactualSentence(t, cf)
//   → "Med 17 i stedet for 16 måneder over 3G siste 24 måneder ville personen blitt sendt til NOE."

function name(t, vocabulary, value) {
  const key = `code.${vocabulary}.${value}`;
  return t.has(key) ? t(key) : String(value ?? "–");
}

/** One change `{feature, from, to}` as a phrase. */
export function changePhrase(t, c) {
  switch (c.feature) {
    case "situation":
      return t("panel.cf.situation", { from: name(t, "situation", c.from), to: name(t, "situation", c.to) });
    case "monthsAbove3GLast24":
      return t("panel.cf.monthsAbove3GLast24", c);
    case "monthsSinceAbove3G":
      if (c.from === null) return t("panel.cf.sinceFromNever", c);
      if (c.to === null) return t("panel.cf.sinceToNever", c);
      return t("panel.cf.since", c);
    default:
      return t("panel.cf.other", { ...c, feature: name(t, "feature", c.feature) });
  }
}

/** A counterfactual `{changes, unit}` as a sentence. */
export function counterfactualSentence(t, cf) {
  return t("panel.cf.sentence", { changes: cf.changes.map((c) => changePhrase(t, c)).join(t("panel.cf.and")), unit: cf.unit });
}
