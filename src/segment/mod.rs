//! Sections: find the headings of a Swedish board document, label them, and collect metadata.
//!
//! Document types ([`DocType`]): `tjansteutlatande`, `protokoll` / `protokollsutdrag` (one section per §
//! with its number, ärendenummer and title, the standard sub-headings nested under it), `kf_handling` (a
//! KF bundle: board proposal, yrkanden, the tjänsteutlåtanden inside it nested under their own header),
//! `motion`, `interpellation`, `political_proposal`, `political_statement`, `remissvar`; `unknown` when
//! unsure.
//!
//! The jobs, one file each, in the order [`segment_with`] runs them:
//! - `layout`: what each line is (running text, page furniture, footnote, URL, signature), and the
//!   text reflowed; `signatures`: the people who signed.
//! - `headings`: where a heading is recognised (catalogue headings from [`crate::catalogue`], § lines
//!   from `paragraphs`, the parts of a KF bundle from `bundle`).
//! - `paragraphs`: § lines, their titles, and misread § numbers.
//! - `doctype`: where the doc type is decided, and the headings labelled in its terms.
//! - `assemble`: sections with spans, levels, parents and text; `metadata`: the facts indexers filter on.
//!
//! Segmentation works on any text; [`crate::Repairer::process`] runs it on the repaired text and maps the
//! spans back to the input.
mod assemble;
mod bundle;
mod doctype;
mod head;
mod headings;
pub mod layout;
mod lines;
mod metadata;
mod paragraphs;
mod signatures;

pub use crate::catalogue::{Catalogue, CatalogueError, DocType, Label, Scope};
pub use assemble::Section;
pub use layout::{Footnote, Signatory, Url};
pub use metadata::Metadata;

/// A segmented document.
#[derive(Clone, Debug, PartialEq)]
pub struct Segmented {
    /// What kind of document it is.
    pub doc_type: DocType,
    /// Its sections, in order.
    pub sections: Vec<Section>,
    /// What was found in it.
    pub metadata: Metadata,
    /// Spans of the page furniture (headers, footers, page numbers) left out of the sections' text.
    pub furniture: Vec<(usize, usize)>,
}

/// Segment `text` with the embedded catalogue.
///
/// ```
/// let doc = diakrit::segment::segment("Sammanfattning\n\nNämnden föreslås besluta.\n\nBakgrund\n\nText.\n");
/// let labels: Vec<&str> = doc.sections.iter().map(|s| s.label.as_str()).collect();
/// assert_eq!(labels, ["summary", "background"]);
/// ```
pub fn segment(text: &str) -> Segmented {
    segment_with(text, Catalogue::embedded())
}

/// Segment `text` with `catalogue`: the layout, the headings, the doc type, the sections, the metadata.
pub fn segment_with(text: &str, catalogue: &Catalogue) -> Segmented {
    let is_heading = |t: &str| catalogue.is_heading(t) || paragraphs::paragraph_line(t, None).is_some();
    let layout = layout::analyse(text, &is_heading);
    let opening = headings::Opening::read(text, &layout, catalogue);
    let (mut heads, listed) = headings::find(text, &layout, catalogue, &opening);
    paragraphs::renumber(&mut heads, &listed);
    let doc_type = doctype::decide(&heads, &opening, &layout);
    let heads = doctype::relabel(text, catalogue, heads, &doc_type, &opening);
    let sections = assemble::sections(text, &layout, &heads, &doc_type);
    let furniture = layout.furniture();
    let meeting_date = layout.meeting_date.clone().or_else(|| {
        doc_type
            .is_protocol()
            .then(|| metadata::header_date(text, &layout))
            .flatten()
    });
    let metadata = Metadata {
        protocol_number: layout.protocol_number,
        meeting_date,
        handling_number: opening.handling_number,
        footnotes: layout.footnotes,
        urls: layout.urls,
        signatories: layout.signatories,
        ..metadata::collect(text, &sections, doc_type == DocType::Protokoll)
    };
    Segmented {
        doc_type,
        sections,
        metadata,
        furniture,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TU: &str = "Tjänsteutlåtande\nUtfärdat 2024-11-28\nÄrendenummer SLK-2024-\n00123\n\nForslag till beslut\n\nI nämnden för Intraservice:\n\nRapporten antecknas.\n\nSammanfattning\n\nText om saken.\n Beddmning ur ekonomisk dimension\n\nIngen påverkan.\n\nSamverkan\nÄrendet har samverkats.\n\nBilagor\n1. Rapport\n Arendet\n\nBeskrivning av ärendet\n\nMer text (diarienummer 0186/24).\n\nFörvaltningens bedömning\n\nBra.\n";

    #[test]
    fn labels_tjansteutlatande_headings_in_order() {
        let s = segment(TU);
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "doc_header",
                "proposed_decision",
                "summary",
                "assessment_economic",
                "union_consultation",
                "attachments",
                "matter",
                "case_description",
                "office_assessment"
            ]
        );
        assert_eq!(s.doc_type, "tjansteutlatande");
        assert_eq!(
            s.sections[3].heading.as_deref(),
            Some("Beddmning ur ekonomisk dimension")
        );
    }

    #[test]
    fn spans_cover_heading_and_body() {
        let s = segment(TU);
        for sec in &s.sections {
            assert!(sec.span.0 <= sec.body_span.0 && sec.body_span.1 == sec.span.1);
            if let Some(h) = &sec.heading {
                assert_eq!(&TU[sec.heading_span.0..sec.heading_span.1], h);
            }
        }
        let last = s.sections.last().unwrap();
        assert_eq!(&TU[last.body_span.0..last.body_span.1], "\nBra.\n");
    }

    #[test]
    fn metadata_found() {
        let s = segment(TU);
        assert_eq!(s.metadata.case_ids, ["SLK-2024-00123", "0186/24"]);
        assert_eq!(s.metadata.dates, ["2024-11-28"]);
        assert_eq!(s.metadata.decision_body.as_deref(), Some("nämnden för Intraservice"));
    }

    #[test]
    fn sentences_are_not_headings() {
        let s = segment("Sammanfattning av läget är att vi väntar.\nBakgrunden är lång och vi beskriver den här.\n");
        assert_eq!(s.sections.len(), 1);
        assert_eq!(s.sections[0].label, "front_matter");
        assert_eq!(s.doc_type, "unknown");
    }

    #[test]
    fn protocol_paragraphs() {
        let s = segment("Protokoll\n\n§ 12 Ärendenummer SLK-2024-00001\nVal av justerare\n\nBeslut\nKommunstyrelsen beslutar.\n\n§ 13\nAnmälan\n\nHandlingar\nTjänsteutlåtande.\n");
        assert_eq!(s.doc_type, "protokoll");
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            ["front_matter", "paragraph", "decision", "paragraph", "documents"]
        );
        assert_eq!(s.metadata.paragraphs, [12, 13]);
    }

    #[test]
    fn case_ids_after_their_label_in_any_common_shape() {
        // A tjänsteskrivelse's head as other kommuner write it: the diarium's number after `Diarienr:` in the
        // year.number code shape, `Dnr: KS/2025:41`, `Diarienummer GRFS 2023-121`, `Ärendenr BUN 2024/88`.
        let text = "Datum: 2026-05-22 Tekniska nämnden\nHandläggare: Anna Ek\nDiarienr: 2025.032 TEN\nPlan för brandvatten\n\n\
                    Ärendebeskrivning\nSe även Dnr: KS/2025:41 och Diarienummer GRFS 2023-121.\nÄrendenr BUN 2024/88 gäller skolan.\n\
                    Tidigare Dnr KS 2018/124 och dnr 0186/24, inte 0187/24. Diarienummer: IKN 2025–00217.\n\
                    Ärendenummer SLK-2023-01038, i beslutet Dnr SLK 2023-01038.\n";
        let s = segment(text);
        assert_eq!(
            s.metadata.case_ids,
            [
                "2025.032 TEN",
                "KS/2025:41",
                "GRFS 2023-121",
                "BUN 2024/88",
                "KS 2018/124",
                "0186/24",
                "IKN 2025–00217",
                "SLK-2023-01038"
            ]
        );
    }

    #[test]
    fn a_case_id_on_a_paragraph_line_and_in_the_text_is_listed_once() {
        // The § line's id written again in the text another way, and a matter taken up in two §§.
        let text = "Protokoll\n\n§ 12 Ärendenummer SLK-2023-01038\nBudget\n\nBeslut\nSe Dnr SLK 2023-01038.\n\n\
                    § 13 Ärendenummer SLK-2024-00001\nVal av justerare\n\nBeslut\nJusterare väljs.\n\n\
                    § 14 Ärendenummer SLK-2023-01038\nBudget, fortsättning\n\nBeslut\nBudgeten antas.\n";
        let s = segment(text);
        assert_eq!(s.metadata.paragraphs, [12, 13, 14]);
        assert_eq!(s.metadata.case_ids, ["SLK-2023-01038", "SLK-2024-00001"]);
    }

    #[test]
    fn a_title_under_the_letterheads_fields() {
        // A tjänsteskrivelse that opens with its fields, each a name, a colon and a value, then its title.
        let text = "Datum: 2026-05-22 Tekniska nämnden\nHandläggare: Anna Ek\nDiarienr: 2025.032 TEN\n\
                    Plan för brandvattenförsörjning\nÄrendebeskrivning\nTillgång till brandvatten behövs vid bränder.\n\
                    Förslag till beslut\nPlanen antas.\n";
        let s = segment(text);
        let first = &s.sections[1];
        assert_eq!(
            (first.label.as_str(), first.title.as_deref()),
            ("section", Some("Plan för brandvattenförsörjning")),
            "{:?}",
            s.sections.iter().map(|s| s.label.as_str()).collect::<Vec<_>>()
        );
        assert_eq!(s.sections[0].label, "front_matter");
    }

    #[test]
    fn a_catalogue_heading_with_a_second_subject_takes_its_label() {
        let text = "Utvärdering av målbilden\n\nBakgrund & syfte\n\nNämnden beslutade att målbilden ska revideras under året.\n\n\
                    Genomförande och resultat\n\nIntervjuer hölls med alla kommunalförbund under våren.\n\n\
                    Revidering och uppföljning\n\nPolicyn revideras vart fjärde år av kommunstyrelsen.\n";
        let s = segment(text);
        let rows = labelled(&s, |s| s.title.as_deref());
        assert!(rows.contains(&("background", Some("Bakgrund & syfte"))), "{rows:?}");
        // Neither word one the catalogue names: a section.
        assert!(
            rows.contains(&("section", Some("Genomförande och resultat"))),
            "{rows:?}"
        );
        // Only the second one the catalogue names: its label.
        assert!(
            rows.contains(&("follow_up", Some("Revidering och uppföljning"))),
            "{rows:?}"
        );
    }

    #[test]
    fn the_offices_own_yttrande_in_a_tjansteskrivelse_is_its_assessment() {
        let text = "Tjänsteskrivelse\nDatum: 2026-05-22 Tekniska nämnden\nDiarienr: 2025.032 TEN\n\n\
                    Ärendebeskrivning\nKommunen saknar en plan för brandvatten i dag.\n\n\
                    Förvaltningens yttrande\nFörvaltningen anser att planen behövs.\n\n\
                    Miljönämndens yttrande\nNämnden tillstyrker planen.\n\n\
                    Förslag till beslut\nPlanen antas.\n";
        let s = segment(text);
        let rows = labelled(&s, |s| s.heading.as_deref());
        assert_eq!(s.doc_type, "tjansteutlatande");
        assert!(
            rows.contains(&("office_assessment", Some("Förvaltningens yttrande"))),
            "{rows:?}"
        );
        // Another body's statement stays one.
        assert!(
            rows.contains(&("statement", Some("Miljönämndens yttrande"))),
            "{rows:?}"
        );
    }

    #[test]
    fn a_taxas_title_over_a_table_of_its_articles() {
        // The first § lines are the table's entries: the title above them is still the document's.
        let text = "Taxa för Exempelå kommuns\nallmänna avfallshantering\nAntagen av kommunfullmäktige 2026-04-28\n\n\
                    Innehåll\n§ 1 Avgiftsskyldighet ........................ 2\n§ 2 Avgifter .................. 3\n\
                    § 3 Betalning ................. 4\n\u{c}§ 1 Avgiftsskyldighet\nAvgift ska betalas av den som äger \
                    fastigheten.\n\u{c}§ 2 Avgifter\nAvgiften är 500 kronor per år.\n\u{c}§ 3 Betalning\n\
                    Avgiften betalas kvartalsvis mot faktura.\n";
        let s = segment(text);
        let rows = labelled(&s, |s| s.title.as_deref());
        assert_eq!(
            rows[..2],
            [
                ("section", Some("Taxa för Exempelå kommuns allmänna avfallshantering")),
                ("table_of_contents", None)
            ],
            "{rows:?}"
        );
        assert!(s.metadata.paragraphs.is_empty());
    }

    #[test]
    fn a_vote_list_headed_with_its_paragraph() {
        let text =
            "Protokoll\n\n§ 44 Dnr 2026.156 BUN\nKompetensförsörjningsplan\n\nBeslut\nÄrendet återremitteras.\n\n\
                    Voteringslista: §44\nOmröstning angående återremiss\nThomas Thim (M), ordförande X\n";
        let s = segment(text);
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert!(labels.contains(&"vote"), "{labels:?}");
        assert_eq!(s.metadata.paragraphs, [44]);
    }

    #[test]
    fn a_protocol_dated_in_its_running_header() {
        // `Kommunstyrelsen` / `Protokoll` / `2026-06-01` at the head of every page (Alingsås): the date the
        // header repeats is the meeting's.
        let page =
            |n: usize, body: &str| format!("{n}\nKommunstyrelsen\nProtokoll\n2026-06-01\n{body}\nUtdragsbestyrkande\n");
        let text = [
            page(1, "Plats och tid Rådhuset kl. 14:00-17:20\nBeslutande Anna Ek (S)\n"),
            page(
                2,
                "§ 94 2026.016 KS\nMånadsuppföljning\n\nBeslut\nRapporten antecknas den 3 juni 2026.\n",
            ),
            page(
                3,
                "§ 95 2026.204 KS\nGranskning\n\nBeslut\nSvaret antas, se beslut 2025-12-10.\n",
            ),
        ]
        .join("\u{c}");
        let s = segment(&text);
        assert_eq!(s.doc_type, "protokoll");
        assert_eq!(s.metadata.meeting_date.as_deref(), Some("2026-06-01"));
        // One page: the date under the word `Protokoll` at the head of the document.
        let one = "Bygg- och miljönämnden\nSammanträdesprotokoll\n16 juni 2026\n\n§ 12 BMN 2026.001\nBygglov\n\nBeslut\nBygglov ges.\n\n§ 13 BMN 2026.002\nTaxa\n\nBeslut\nTaxan antas 2026-07-01.\n";
        assert_eq!(segment(one).metadata.meeting_date.as_deref(), Some("2026-06-16"));
        // A report's repeated date is no meeting's.
        let report = [page(1, "Rapport\n\nText om saken.\n"), page(2, "Mer text om saken.\n")]
            .join("\u{c}")
            .replace("Protokoll", "Rapport");
        assert_eq!(segment(&report).metadata.meeting_date, None);
    }

    /// Each section's label and what `text` says of it (its title, its heading), in order.
    fn labelled<'s>(
        s: &'s Segmented,
        text: impl Fn(&'s Section) -> Option<&'s str>,
    ) -> Vec<(&'s str, Option<&'s str>)> {
        s.sections.iter().map(|x| (x.label.as_str(), text(x))).collect()
    }

    /// The `decision_body` of each `proposed_decision` section, in order.
    fn proposal_bodies(s: &Segmented) -> Vec<Option<&str>> {
        s.sections
            .iter()
            .filter(|s| s.label == "proposed_decision")
            .map(|s| s.decision_body.as_deref())
            .collect()
    }

    #[test]
    fn the_first_proposal_that_names_its_body_names_the_documents() {
        // `Förslag till beslut` over one proposal per body (Alingsås): the first body named is the addressee.
        let text =
            "Tjänsteskrivelse\nDiarienr: 2025.032 TEN\nPlan för brandvatten\n\nÄrendebeskrivning\nText om planen.\n\n\
                    Förslag till beslut\n\nFörslag till beslut i tekniska nämnden\nPlanen godkänns.\n\n\
                    Förslag till beslut i kommunstyrelsen\nPlanen antas.\n";
        let s = segment(text);
        let bodies = proposal_bodies(&s);
        assert_eq!(bodies, [None, Some("tekniska nämnden"), Some("kommunstyrelsen")]);
        assert_eq!(s.metadata.decision_body.as_deref(), Some("tekniska nämnden"));
    }

    #[test]
    fn a_proposal_run_into_its_text_keeps_its_body() {
        let text = "Motion av Anna Ek (M) om en ny kollektivtrafikhubb\n\nBakgrund\nText om saken.\n\n\
                    Förslag till beslut i kommunfullmäktige: Stadsbyggnadsnämnden får i uppdrag att utreda\nmöjligheterna till en hubb.\n";
        let s = segment(text);
        assert_eq!(proposal_bodies(&s), [Some("kommunfullmäktige")]);
        let p = s
            .sections
            .iter()
            .find(|s| s.label == "proposed_decision")
            .expect("found");
        assert!(text[p.body_span.0..].starts_with("Stadsbyggnadsnämnden får"));
        assert_eq!(s.metadata.decision_body.as_deref(), Some("kommunfullmäktige"));
    }

    #[test]
    fn a_protocol_of_many_paragraphs_has_no_document_decision_body() {
        // Each § proposes to a body of its own: the document as a whole is addressed to none of them (the
        // protocol of tekniska nämnden is no document of kommunstyrelsen's), the sections say which.
        let many = "Protokoll\n\n§ 12 TN 2026.001\nTaxa\n\nFörslag till beslut i kommunstyrelsen\nTaxan antas.\n\n\
                    § 13 TN 2026.002\nAnmälan\n\nFörslag till beslut i kommunfullmäktige\nAnmälan antecknas.\n";
        let s = segment(many);
        assert_eq!(s.metadata.paragraphs, [12, 13]);
        let bodies = proposal_bodies(&s);
        assert_eq!(bodies, [Some("kommunstyrelsen"), Some("kommunfullmäktige")]);
        assert_eq!(s.metadata.decision_body, None);
        // An extract of one § is about that matter: its proposal's body is the document's.
        let one = "Protokollsutdrag\n\n§ 12 TN 2026.001\nTaxa\n\nFörslag till beslut i kommunstyrelsen\nTaxan antas.\n";
        assert_eq!(segment(one).metadata.decision_body.as_deref(), Some("kommunstyrelsen"));
    }

    #[test]
    fn headings_running_into_their_text() {
        let text = "Tjänsteutlåtande\n\nFörslag till beslut I kommunstyrelsen:\nRapporten antecknas.\n\nSammanfattning I budget för 2022 fick\nkommunstyrelsen ett uppdrag.\nSamverkan har skett i FSG.\n\nSamverkan Samverkan har skett i FSG.\n";
        let s = segment(text);
        let got: Vec<(&str, Option<&str>)> = s
            .sections
            .iter()
            .map(|s| (s.label.as_str(), s.heading.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("doc_header", Some("Tjänsteutlåtande")),
                ("proposed_decision", Some("Förslag till beslut")),
                ("summary", Some("Sammanfattning")),
                ("union_consultation", Some("Samverkan")),
            ]
        );
        let summary = &s.sections[2];
        assert!(text[summary.body_span.0..].starts_with("I budget för 2022"));
        assert_eq!(s.metadata.decision_body.as_deref(), Some("kommunstyrelsen"));
    }

    #[test]
    fn references_to_paragraphs_are_no_paragraphs() {
        let text = "§ 364 Ärendenummer SLK-2023-00785\nTitel\nBeslut\n\nBordlagt den 7 februari 2024, § 101, den 20 mars 2024,\n§ 242 och den 10 april 2024, § 310.\n\nHandlingar\nText.\n";
        let s = segment(text);
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["paragraph", "decision", "documents"]);
        assert_eq!(s.sections[0].title.as_deref(), Some("Titel"));
        assert_eq!(s.sections[0].case_id.as_deref(), Some("SLK-2023-00785"));
    }

    #[test]
    fn paragraph_signs_as_ocr_writes_them() {
        let text = "43900 Avendenummer SEK-2024-00343\n\nRemiss från Trafikverket\nBeslut\nText.\n\n& 391 Arvrendenummer SE R-2024-00274\nDelårsrapport\nBeslut\nText.\n\n8 392 Ärendenummer SLK-2024-00335\nHemställan\nBeslut\nText.\n";
        let s = segment(text);
        assert_eq!(s.metadata.paragraphs, [390, 391, 392]);
        let ids: Vec<&str> = s.sections.iter().filter_map(|s| s.case_id.as_deref()).collect();
        assert_eq!(ids, ["SEK-2024-00343", "SER-2024-00274", "SLK-2024-00335"]);
        assert_eq!(s.doc_type, "protokoll");
    }

    #[test]
    fn metadata_forms_and_furniture() {
        let text = "Kommunfullmäktige\nHandling 2025 nr 32\n\nTjänsteskrivelse\nDnr KS 2018/124\n\nSammanfattning\nBeslutet fattades den 3 mars 2025 och\n\nSida 1 av 2\n\ngäller från 2025-04-01.\n";
        let s = segment(text);
        assert_eq!(s.metadata.case_ids, ["KS 2018/124"]);
        assert_eq!(s.metadata.handling_number.as_deref(), Some("2025 nr 32"));
        assert_eq!(s.metadata.dates, ["2025-03-03", "2025-04-01"]);
        assert_eq!(s.doc_type, "kf_handling");
        let summary = s.sections.iter().find(|x| x.label == "summary").unwrap();
        // The page number is furniture, and the sentence goes on across it.
        assert_eq!(
            summary.text,
            "Beslutet fattades den 3 mars 2025 och gäller från 2025-04-01."
        );
        assert_eq!(s.furniture.len(), 1);
    }

    #[test]
    fn a_forms_row_labels_are_not_headings() {
        // A budget's table per project, extracted a row a line: the row label `Barnkonsekvensanalys` stands alone
        // on its line above its value, once in each record, between the same rows of a label and a value.
        let record = |n: usize, name: &str| {
            format!(
                "Projekt ({n}) - {name} Projektbeskrivning\nProjektnamn {name}\nInvesteringsutgift {n}00 tkr 2027.\n\
                 Status Ny\nBeskrivning av projektet Lokalerna är slitna och behöver rustas.\n\
                 Konsekvens vid ej genomförd Verksamheten kan inte bedrivas.\nBarnkonsekvensanalys\n\
                 Barn får en tryggare miljö enligt artikel 3.\nProjektets genomförandeperiod 2027-2028\n"
            )
        };
        let names = ["Valfisken", "Hafreborg", "Bokbuss", "Kulturbuss"];
        let form: String = names.iter().enumerate().map(|(k, n)| record(k + 1, n)).collect();
        let s = segment(&form);
        let labels: Vec<&str> = s.sections.iter().map(|s| s.label.as_str()).collect();
        assert!(!labels.contains(&"child_rights_impact"), "{labels:?}");
        // The same heading over each chapter's prose is a heading.
        let chapter = |n: usize, name: &str| {
            format!(
                "{n}. {name}\n\nLokalerna har rustats i etapper sedan förra året och arbetet fortsätter.\n\
                 Barnkonsekvensanalys\n\nFler barn kan nu använda {name} under skollovet än tidigare.\n\
                 Det gäller även kvällar.\n\n"
            )
        };
        let report: String = names.iter().enumerate().map(|(k, n)| chapter(k + 1, n)).collect();
        let s = segment(&report);
        let found = s.sections.iter().filter(|s| s.label == "child_rights_impact").count();
        assert_eq!(found, 4);
    }

    #[test]
    fn user_catalogue() {
        let c = Catalogue::from_tsv("doc_type\tlabel\tvariants\nbrev\tgreeting\tHej|Hejsan\n").unwrap();
        let s = segment_with("Hej\nText\n", &c);
        assert_eq!(s.sections[0].label, "greeting");
        assert!(Catalogue::from_tsv("h\nbad line\n").is_err());
    }
}
