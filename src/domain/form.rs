//! The registration form (report Appendix 1, Tabell 9) in NAV's own
//! vocabulary, including the spellings of NAV's newer register.

use crate::error::{Error, ErrorKind, Result};
use crate::vocab::vocabulary;
use serde::{Deserialize, Deserializer, Serialize};

vocabulary! {
    /// Form question 1: the job-seeker's situation ("registration reason").
    ///
    /// NAV's newer register renames two answers; both spellings parse:
    /// `HAR_BLITT_SAGT_OPP` is [`Situation::MistetJobben`] and
    /// `IKKE_VAERT_I_JOBB_SISTE_2_AAR` is [`Situation::JobbOver2Aar`].
    ///
    /// ```
    /// use veivalg::domain::form::Situation;
    /// assert_eq!("HAR_BLITT_SAGT_OPP".parse::<Situation>().unwrap(), Situation::MistetJobben);
    /// let err = "MISTET_JOBEN".parse::<Situation>().unwrap_err();
    /// assert!(err.contains("did you mean `MISTET_JOBBEN`?"));
    /// ```
    pub enum Situation {
        /// Lost or will lose the job.
        MistetJobben = "MISTET_JOBBEN" | "HAR_BLITT_SAGT_OPP",
        /// Quit or will quit.
        HarSagtOpp = "HAR_SAGT_OPP",
        /// Works part-time, wants more.
        DeltidsjobbVilMer = "DELTIDSJOBB_VIL_MER",
        /// Has never had a job.
        AldriHattJobb = "ALDRI_HATT_JOBB",
        /// Has a job, wants to change.
        VilBytteJobb = "VIL_BYTTE_JOBB",
        /// No job in the last two years.
        JobbOver2Aar = "JOBB_OVER_2_AAR" | "IKKE_VAERT_I_JOBB_SISTE_2_AAR",
        /// Laid off temporarily (permittert).
        ErPermittert = "ER_PERMITTERT",
        /// Unsure about the job situation.
        UsikkerJobbsituasjon = "USIKKER_JOBBSITUASJON",
        /// Just finished education, military service or other.
        AkkuratFullfortUtdanning = "AKKURAT_FULLFORT_UTDANNING",
        /// Has a job and wants to keep it.
        VilFortsetteIJobb = "VIL_FORTSETTE_I_JOBB",
    }
}

vocabulary! {
    /// Form question 3: highest completed education. Also parses NAV's newer
    /// register form `{"nus": "6"}` (NUS codes 0, 2, 3, 4, 6, 7).
    pub enum Education {
        /// No education.
        IngenUtdanning = "INGEN_UTDANNING",
        /// Primary school (grunnskole).
        Grunnskole = "GRUNNSKOLE",
        /// Further primary, 1–2 years upper secondary.
        VideregaendeGrunnutdanning = "VIDEREGAENDE_GRUNNUTDANNING",
        /// Upper secondary, 3+ years, or a trade certificate.
        VideregaendeFagbrevSvennebrev = "VIDEREGAENDE_FAGBREV_SVENNEBREV",
        /// Higher education, 1–4 years.
        HoyereUtdanning1Til4 = "HOYERE_UTDANNING_1_TIL_4",
        /// Higher education, 5 years or more.
        HoyereUtdanning5EllerMer = "HOYERE_UTDANNING_5_ELLER_MER",
    }
}

impl Education {
    /// The NUS code NAV's newer register uses for this level.
    pub fn nus(self) -> &'static str {
        match self {
            Education::IngenUtdanning => "0",
            Education::Grunnskole => "2",
            Education::VideregaendeGrunnutdanning => "3",
            Education::VideregaendeFagbrevSvennebrev => "4",
            Education::HoyereUtdanning1Til4 => "6",
            Education::HoyereUtdanning5EllerMer => "7",
        }
    }

    /// The level for a NUS code, if it is one of 0, 2, 3, 4, 6, 7.
    pub fn from_nus(code: &str) -> Option<Education> {
        Education::ALL.iter().copied().find(|e| e.nus() == code)
    }

    /// True for the levels whose holders are not asked questions 3b and 3c
    /// (none and primary school, report footnote 20).
    pub fn skips_follow_up_questions(self) -> bool {
        matches!(self, Education::IngenUtdanning | Education::Grunnskole)
    }
}

vocabulary! {
    /// Question 3b: is the education approved in Norway?
    pub enum Approved {
        /// Yes.
        Ja = "JA",
        /// No.
        Nei = "NEI",
        /// Don't know.
        VetIkke = "VET_IKKE",
        /// Not asked (highest education none or primary school).
        IngenSvar = "INGEN_SVAR",
    }
}

vocabulary! {
    /// Question 3c: did you pass the education?
    pub enum Passed {
        /// Yes.
        Ja = "JA",
        /// No.
        Nei = "NEI",
        /// Not asked (highest education none or primary school).
        IngenSvar = "INGEN_SVAR",
    }
}

vocabulary! {
    /// Questions 4 and 5: health problems / other problems that hinder
    /// seeking or holding a job.
    pub enum YesNoUnknown {
        /// Yes.
        Ja = "JA",
        /// No.
        Nei = "NEI",
        /// Don't know.
        VetIkke = "VET_IKKE",
    }
}

/// The answers to the registration form, parsed and checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answers {
    /// Question 1.
    pub situation: Situation,
    /// Question 3.
    pub education: Education,
    /// Question 3b.
    pub education_approved: Approved,
    /// Question 3c.
    pub education_passed: Passed,
    /// Question 4.
    pub health_obstacles: YesNoUnknown,
    /// Question 5.
    pub other_obstacles: YesNoUnknown,
    /// Report 4.2.3's proposed question "how do you rate your own job
    /// prospects?", on a scale 1 (poor) to 5 (very good). Recorded and shown,
    /// never used for routing by any shipped ruleset or model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_assessment: Option<u8>,
}

/// The answers to the registration form as callers send them.
/// `educationApproved` and `educationPassed` may be left out when
/// education is none or primary school (not asked: `INGEN_SVAR`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "Answers", optional_fields = nullable))]
pub(crate) struct AnswersInput {
    /// Question 1: the situation.
    pub(crate) situation: Situation,
    /// Question 3: highest education, as a code or `{ nus: "6" }`.
    #[serde(deserialize_with = "education")]
    #[cfg_attr(
        test,
        ts(
            type = "Education | { nus: \"0\" | \"2\" | \"3\" | \"4\" | \"6\" | \"7\" | 0 | 2 | 3 | 4 | 6 | 7 }"
        )
    )]
    pub(crate) education: Education,
    /// Question 3b: is the education approved in Norway?
    #[serde(default)]
    pub(crate) education_approved: Option<Approved>,
    /// Question 3c: is the education passed?
    #[serde(default)]
    pub(crate) education_passed: Option<Passed>,
    /// Question 4: health obstacles.
    pub(crate) health_obstacles: YesNoUnknown,
    /// Question 5: other obstacles.
    pub(crate) other_obstacles: YesNoUnknown,
    /// Own job prospects, 1 (poor) to 5 (very good); recorded, never used
    /// for routing.
    #[serde(default)]
    pub(crate) self_assessment: Option<u8>,
}

/// Question 3 as sent: `"HOYERE_UTDANNING_1_TIL_4"` or `{"nus": "6"}`.
fn education<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Education, D::Error> {
    /// NAV's newer register form of question 3.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Nus {
        nus: serde_json::Value,
    }
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Education;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(
                f,
                "one of {} or an object {{\"nus\": \"0\"|\"2\"|\"3\"|\"4\"|\"6\"|\"7\"}}",
                Education::accepted().join(", ")
            )
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<Education, E> {
            Education::deserialize(serde::de::value::StrDeserializer::<E>::new(s))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            map: A,
        ) -> std::result::Result<Education, A::Error> {
            let nus = Nus::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
            let code = match nus.nus {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            Education::from_nus(&code).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidValue,
                    "",
                    format!("unknown NUS code `{code}`; expected one of 0, 2, 3, 4, 6, 7"),
                )
                .into_de()
            })
        }
    }
    d.deserialize_any(Visitor)
}

impl AnswersInput {
    /// Fills in the follow-up questions that were not asked and checks the
    /// rest.
    pub(crate) fn check(self) -> Result<Answers> {
        let education = self.education;
        let not_asked = education.skips_follow_up_questions();
        let missing = |field: &str| {
            Error::new(
                ErrorKind::MissingField,
                field,
                format!("missing field `{field}` (required when education is {education})"),
            )
        };
        let education_approved = match self.education_approved {
            Some(a) => a,
            None if not_asked => Approved::IngenSvar,
            None => return Err(missing("educationApproved")),
        };
        let education_passed = match self.education_passed {
            Some(p) => p,
            None if not_asked => Passed::IngenSvar,
            None => return Err(missing("educationPassed")),
        };
        if let Some(s) = self.self_assessment {
            if !(1..=5).contains(&s) {
                return Err(Error::new(
                    ErrorKind::OutOfRange,
                    "selfAssessment",
                    format!("selfAssessment must be 1–5, got {s}"),
                ));
            }
        }
        Ok(Answers {
            situation: self.situation,
            education,
            education_approved,
            education_passed,
            health_obstacles: self.health_obstacles,
            other_obstacles: self.other_obstacles,
            self_assessment: self.self_assessment,
        })
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        AnswersInput::deserialize(d)?
            .check()
            .map_err(Error::into_de)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::wire::parse;

    const BASE: &str = r#"{"situation":"MISTET_JOBBEN","education":"HOYERE_UTDANNING_1_TIL_4",
        "educationApproved":"JA","educationPassed":"JA","healthObstacles":"NEI","otherObstacles":"NEI"}"#;

    #[test]
    fn parses_full_vocabulary_and_aliases() {
        let a: Answers = parse(BASE).unwrap();
        assert_eq!(a.situation, Situation::MistetJobben);
        for code in Situation::accepted() {
            assert!(code.parse::<Situation>().is_ok());
        }
        assert_eq!(Situation::ALL.len(), 10);
        assert_eq!(
            "IKKE_VAERT_I_JOBB_SISTE_2_AAR"
                .parse::<Situation>()
                .unwrap(),
            Situation::JobbOver2Aar
        );
    }

    #[test]
    fn nus_codes() {
        let text = BASE.replace(r#""HOYERE_UTDANNING_1_TIL_4""#, r#"{"nus":"7"}"#);
        let a: Answers = parse(&text).unwrap();
        assert_eq!(a.education, Education::HoyereUtdanning5EllerMer);
        let text = BASE.replace(r#""HOYERE_UTDANNING_1_TIL_4""#, r#"{"nus":"5"}"#);
        let e = parse::<Answers>(&text).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::InvalidValue, "education")
        );
    }

    #[test]
    fn unknown_value_names_path_and_allowed_values() {
        let text = BASE.replace("MISTET_JOBBEN", "FIRED");
        let e = parse::<Answers>(&text).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidValue);
        assert_eq!(e.path, "situation");
        assert!(e.message.contains("HAR_SAGT_OPP"), "{}", e.message);
    }

    #[test]
    fn follow_up_questions_default_only_when_not_asked() {
        let primary = r#"{"situation":"MISTET_JOBBEN","education":"GRUNNSKOLE","healthObstacles":"NEI","otherObstacles":"NEI"}"#;
        let a: Answers = parse(primary).unwrap();
        assert_eq!(a.education_approved, Approved::IngenSvar);
        assert_eq!(a.education_passed, Passed::IngenSvar);
        let higher = primary.replace("GRUNNSKOLE", "HOYERE_UTDANNING_1_TIL_4");
        let e = parse::<Answers>(&higher).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_str()),
            (ErrorKind::MissingField, "educationApproved")
        );
    }

    #[test]
    fn self_assessment_range() {
        let text = BASE.replace('}', r#","selfAssessment":6}"#);
        let e = parse::<Answers>(&text).unwrap_err();
        assert_eq!(e.kind, ErrorKind::OutOfRange);
    }
}
