//! Today's rule tree (report Tabell 2): the dated rulesets and their
//! evaluation with a trace ([`ruletree`]), and the two forms of its
//! work-history test ([`work_history`]).

pub mod ruletree;
pub mod work_history;
