//! The documents a provider hands over: the Model Documentation Form for each recipient, as a
//! recipient would check it — only its own fields, in the Form's order, at the precision it is
//! owed, with every gap said aloud, traceable to the assessment.

use gpai_check::documents::{model_documentation, published_documents, Document, DocumentRecipient, NOT_PROVIDED};
use gpai_check::pack::model::Recipient;
use gpai_check::{evaluate, Pack, Submission};

fn pack() -> &'static Pack {
    gpai_check::pack::get("gpai-cop-final", "pack").unwrap()
}

fn example(name: &str) -> Submission {
    serde_json::from_str(&std::fs::read_to_string(format!("www/examples/{name}.json")).unwrap()).unwrap()
}

fn documents(s: &Submission) -> Vec<Document> {
    model_documentation(pack(), s, &evaluate(s).unwrap())
}

fn of(docs: &[Document], r: Recipient) -> &Document {
    docs.iter().find(|d| d.recipient == r).unwrap()
}

fn field_ids(d: &Document) -> Vec<&str> {
    d.sections.iter().flat_map(|s| &s.rows).map(|r| r.field_id.as_str()).collect()
}

fn value<'d>(d: &'d Document, field: &str) -> Option<&'d str> {
    d.sections.iter().flat_map(|s| &s.rows).find(|r| r.field_id == field).and_then(|r| r.value.as_deref())
}

#[test]
fn each_recipient_gets_exactly_its_fields_in_the_forms_order() {
    let docs = documents(&example("frontier-systemic-risk"));
    assert_eq!(docs.len(), 3);
    let form = pack().chapters.iter().find_map(|c| c.form.as_ref()).unwrap();
    for d in &docs {
        let expected: Vec<&str> = form
            .fields
            .iter()
            .filter(|f| f.recipients.contains(&d.recipient.form().unwrap()))
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(field_ids(d), expected, "{}", d.title);
        assert_eq!(d.total as usize, expected.len());
        // Sections appear once each, in the Form's order.
        let titles: Vec<&str> = d.sections.iter().map(|s| s.title.as_str()).collect();
        let order: Vec<&str> = form.sections.iter().map(String::as_str).filter(|s| titles.contains(s)).collect();
        assert_eq!(titles, order);
    }
}

#[test]
fn national_authorities_get_the_compute_as_a_power_of_ten_and_downstream_providers_nothing_reserved_for_the_ai_office()
{
    let docs = documents(&example("frontier-systemic-risk"));
    let nca = of(&docs, Recipient::NationalAuthorities);
    assert_eq!(value(nca, "MDF-7.2a"), Some("1e25 FLOP"));
    assert!(!nca.markdown().contains("3.8e25"), "the AI Office's exact figure never reaches the authorities' document");
    let aio = of(&docs, Recipient::AiOffice);
    assert_eq!(value(aio, "MDF-7.2b"), Some("3.8e25 FLOP"));
    assert_eq!(value(aio, "MDF-2.7a"), Some("4.1e11 parameters"));
    let dp = of(&docs, Recipient::DownstreamProviders);
    for reserved in ["MDF-2.7a", "MDF-6.4b", "MDF-7.1b", "MDF-7.2b", "MDF-1.3", "MDF-5.1"] {
        assert!(!field_ids(dp).contains(&reserved), "{reserved} is not for downstream providers");
    }
    assert!(!dp.markdown().contains("4.1e11") && !dp.markdown().contains("3.8e25"));
    // Option ids become the Form's words.
    assert_eq!(value(dp, "MDF-2.7b"), Some("100B to 500B"));
}

#[test]
fn an_unanswered_field_says_not_yet_provided_and_the_count_says_how_many() {
    let mut s = example("frontier-systemic-risk");
    s.answers.remove("t_mdf_7_2a");
    s.answers.insert("t_mdf_1_4".into(), gpai_check::answers::RawAnswer::Text("2026-02-30".into()));
    let docs = documents(&s);
    let nca = of(&docs, Recipient::NationalAuthorities);
    assert_eq!(value(nca, "MDF-7.2a"), None);
    assert_eq!(value(nca, "MDF-1.4"), None, "an invalid date is not provided, never shown as given");
    assert!(nca
        .markdown()
        .contains(&format!("**MDF-7.2a** Amount of computation used for training (NCA version): *{NOT_PROVIDED}*")));
    assert_eq!((nca.provided, nca.total), (nca.total - 2, nca.total));
    // The model card lists what is missing by id and carries no value for it.
    let card = nca.file("cyclonedx").unwrap().text.as_str();
    assert!(card.contains("\"eu-gpai-cop:not-yet-provided\"") && card.contains("MDF-1.4, MDF-7.2a"), "{card}");
    assert!(!card.contains("\"eu-gpai-cop:MDF-7.2a\""));
    let empty = documents(&Submission { pack: "gpai-cop-final".into(), ..Default::default() });
    assert!(empty.iter().all(|d| d.provided == 0 && d.markdown().matches(NOT_PROVIDED).count() as u32 >= d.total));
}

#[test]
fn the_header_traces_the_document_to_the_pack_and_the_sealed_report() {
    let s = example("frontier-systemic-risk");
    let report = evaluate(&s).unwrap();
    let docs = documents(&s);
    for d in &docs {
        assert!(d.markdown().contains(&report.digest), "{}", d.title);
        assert!(d.markdown().contains(&format!("gpai-cop-final version {}", pack().version)));
        assert!(d.markdown().contains("Model: Meridian-2"));
        let md = d.file("markdown").unwrap();
        assert!(md.file_name.starts_with("meridian-2-") && md.file_name.ends_with(".md"), "{}", md.file_name);
        assert!(d.file("cyclonedx").unwrap().text.contains(&report.digest), "the model card is traced too");
    }
    let names: std::collections::BTreeSet<&str> =
        docs.iter().flat_map(|d| &d.files).map(|f| f.file_name.as_str()).collect();
    assert_eq!(names.len(), 6, "two files per recipient, each its own name");
}

#[test]
fn a_provider_the_form_is_not_required_of_is_told_so_and_an_undecided_one_too() {
    let header = |s: &Submission| {
        documents(s)[0].header.iter().find(|[l, _]| l == "Required on these answers").unwrap()[1].clone()
    };
    assert_eq!(header(&example("frontier-systemic-risk")), "yes");
    // The SME's open-weights model: the open-source exemption lifts the Form's duties (Art 53(2)).
    assert!(header(&example("sme-open-weights")).starts_with("no: the Transparency chapter does not apply"));
    assert!(header(&Submission { pack: "gpai-cop-final".into(), ..Default::default() }).starts_with("not decided yet"));
}

#[test]
fn a_row_with_parts_carries_them_all_in_the_text_and_the_model_card() {
    // MDF-6.4a asks the authorities' sizes of training, testing and validation data and the unit.
    let docs = documents(&example("frontier-systemic-risk"));
    let nca = of(&docs, Recipient::NationalAuthorities);
    let row = nca.sections.iter().flat_map(|s| &s.rows).find(|r| r.field_id == "MDF-6.4a").unwrap();
    let ids: Vec<&str> = row.parts.iter().map(|p| p.question_id.as_str()).collect();
    assert_eq!(ids, ["t_mdf_6_4a_testing", "t_mdf_6_4a_validation", "t_mdf_6_4_unit"]);
    assert!(nca.markdown().contains("5e9 data points"), "the testing size is in the document");
    let card = nca.file("cyclonedx").unwrap().text.as_str();
    assert!(card.contains("\"eu-gpai-cop:MDF-6.4a:t_mdf_6_4a_testing\""), "and in the model card");
}

#[test]
fn golden_documents_of_every_example() {
    let names = ["frontier-systemic-risk", "closed-non-eu", "fine-tuner", "sme-open-weights"];
    let all = |s: &Submission| documents(s).into_iter().chain(summary_documents(s));
    for (name, d) in names.iter().flat_map(|n| all(&example(n)).map(move |d| (n, d))) {
        let path = format!("tests/golden/{name}.{}.md", d.id);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, d.markdown()).unwrap();
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path}: UPDATE_GOLDEN=1"));
        assert_eq!(d.markdown(), golden, "{path}");
    }
}

#[test]
fn the_model_card_holds_each_recipients_rows_and_names_the_model_where_cyclonedx_says() {
    let docs = documents(&example("frontier-systemic-risk"));
    let card =
        |r| -> serde_json::Value { serde_json::from_str(&of(&docs, r).file("cyclonedx").unwrap().text).unwrap() };
    let aio = card(Recipient::AiOffice);
    assert_eq!((aio["bomFormat"].as_str(), aio["specVersion"].as_str()), (Some("CycloneDX"), Some("1.6")));
    let model = &aio["components"][0];
    assert_eq!(model["type"], "machine-learning-model");
    assert!(model["name"].as_str().unwrap().starts_with("Meridian-2"));
    assert_eq!(model["supplier"]["name"], "Example Frontier Labs SE");
    let inputs: Vec<&str> = model["modelCard"]["modelParameters"]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["format"].as_str().unwrap())
        .collect();
    assert_eq!(inputs, ["Text", "Images", "Audio"]);
    let props = |bom: &serde_json::Value| -> Vec<String> {
        bom["components"][0]["modelCard"]["properties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(props(&aio).contains(&"eu-gpai-cop:MDF-7.2b".to_string()));
    let dp = card(Recipient::DownstreamProviders);
    assert!(props(&dp)
        .iter()
        .all(|p| !["eu-gpai-cop:MDF-7.2b", "eu-gpai-cop:MDF-2.7a", "eu-gpai-cop:MDF-6.5"].contains(&p.as_str())));
    assert!(
        dp["components"][0]["modelCard"]["modelParameters"].get("datasets").is_none(),
        "the data's scope is not the downstream providers' row"
    );
    // Same answers, same card: the serial number is derived, not random.
    assert_eq!(aio["serialNumber"], card(Recipient::AiOffice)["serialNumber"]);
    assert_ne!(aio["serialNumber"], dp["serialNumber"]);
}

fn summary_documents(s: &Submission) -> Vec<Document> {
    published_documents(pack(), s, &evaluate(s).unwrap())
}

fn summary(s: &Submission) -> Document {
    let mut docs = summary_documents(s);
    assert_eq!(docs.len(), 1, "one published document: the training-content summary");
    docs.remove(0)
}

fn item<'d>(d: &'d Document, reference: &str, label: &str) -> Option<Option<&'d str>> {
    d.sections
        .iter()
        .flat_map(|s| &s.rows)
        .find(|r| r.field_id == reference && r.label == label)
        .map(|r| r.value.as_deref())
}

#[test]
fn the_training_summary_holds_every_section_of_the_template_for_the_public() {
    let d = summary(&example("frontier-systemic-risk"));
    assert_eq!(d.recipient, DocumentRecipient::Public);
    let titles: Vec<&str> = d.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Header", "1. General information", "2. List of data sources", "3. Data processing aspects"]);
    let refs: std::collections::BTreeSet<&str> =
        d.sections.iter().flat_map(|s| &s.rows).map(|r| r.field_id.as_str()).collect();
    for r in ["1.1", "1.2", "1.3", "2.1", "2.2.1", "2.2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3"] {
        assert!(refs.contains(r), "section {r} is in the summary");
    }
    // The template's size band per modality, by its words; a source not used is said to be so.
    assert_eq!(item(&d, "1.3", "Size of the text data"), Some(Some("1 billion to 10 trillion tokens")));
    assert_eq!(item(&d, "1.3", "Size of the video data"), None, "no video in the data, no video size");
    assert_eq!(item(&d, "2.2.2", "Other private datasets from third parties"), Some(Some("No")));
    assert_eq!(item(&d, "2.2.2", "Publicly known names"), None);
    assert_eq!(
        item(&d, "3.1", "Signatory of the General-Purpose AI Code of Practice"),
        Some(Some("Yes, all chapters"))
    );
    assert_eq!(d.provided, d.total, "the example answers every item");
    let md = d.markdown();
    assert!(md.contains("- For: The public (on the provider's website)"));
    assert!(md.contains("- **2.3** Most relevant domain names: https://example.eu/meridian-2/crawled-domains.csv"));
    assert_eq!(d.file("markdown").unwrap().file_name, "meridian-2-training-summary.md");
}

#[test]
fn an_sme_summary_gives_the_smes_domain_list_and_others_the_ten_percent_one() {
    let sme = summary(&example("sme-open-weights"));
    let reach = "How far the domain list reaches";
    let sme_md = sme.markdown();
    assert!(sme_md.contains("At least the top 5% or the top 1,000 domains, whichever is fewer"), "{sme_md}");
    assert!(!sme_md.contains("top 10%"));
    let rows = sme.sections.iter().flat_map(|s| &s.rows).filter(|r| r.label == reach).count();
    assert_eq!(rows, 1, "only the SME's variant is asked, so only it is written");
    let frontier = summary(&example("frontier-systemic-risk"));
    assert_eq!(item(&frontier, "2.3", reach), Some(Some("A shorter list, or one ranked another way")));
    assert!(!frontier.markdown().contains("top 5%"));
}

#[test]
fn the_checklist_about_the_summary_is_answered_from_the_summary_written_here() {
    let s = example("frontier-systemic-risk");
    let report = evaluate(&s).unwrap();
    let asked = |r: &gpai_check::Report, id: &str| r.questions.iter().find(|q| &*q.id == id).unwrap().asked;
    let status = |r: &gpai_check::Report, id: &str| {
        r.chapters.iter().flat_map(|c| &c.measures).flat_map(|m| &m.requirements).find(|q| &*q.id == id).unwrap().status
    };
    for q in ["ts_s1_provider", "ts_s2_public_stated", "ts_s3_tdm", "ts_summary_date_shown"] {
        assert!(!asked(&report, q), "{q} is not asked again when the summary is written here");
    }
    for q in ["ts_w_provider", "ts_w_crawler_names", "ts_s1_placement_date", "ts_summary_published"] {
        assert!(asked(&report, q), "{q} is asked");
    }
    assert_eq!(status(&report, "TS-1.1-provider"), gpai_check::report::Status::Met);
    // Without the provider's details, the requirement waits for them and the summary says so.
    let mut gap = s.clone();
    gap.answers.remove("ts_w_provider");
    assert_eq!(status(&evaluate(&gap).unwrap(), "TS-1.1-provider"), gpai_check::report::Status::Unanswered);
    let d = summary(&gap);
    assert_eq!(item(&d, "1.1", "Provider: name and contact details"), Some(None));
    assert!(d.markdown().contains(&format!("Provider: name and contact details: *{NOT_PROVIDED}*")));
    // Answering "no" brings the checklist back, and its answers decide again.
    let mut checklist = s.clone();
    checklist.answers.insert("ts_written_here".into(), gpai_check::answers::RawAnswer::Text("no".into()));
    let r = evaluate(&checklist).unwrap();
    assert!(asked(&r, "ts_s1_provider") && !asked(&r, "ts_w_provider"));
    assert_eq!(status(&r, "TS-1.1-provider"), gpai_check::report::Status::Met);
    let written = summary(&checklist).header.iter().find(|[l, _]| l == "Written in the checker").unwrap()[1].clone();
    assert!(written.starts_with("no: answer \"yes\""), "{written}");
}

#[test]
fn the_summary_written_here_is_still_cross_checked_with_the_form() {
    let mut s = example("frontier-systemic-risk");
    let tripped = |s: &Submission| {
        evaluate(s)
            .unwrap()
            .cross_checks
            .iter()
            .filter(|x| x.status == gpai_check::report::CrossCheckStatus::Tripped)
            .map(|x| x.id.to_string())
            .collect::<Vec<_>>()
    };
    assert!(!tripped(&s).contains(&"X-24".to_string()));
    s.answers.insert("ts_s1_placement_date".into(), gpai_check::answers::RawAnswer::Text("2026-07-01".into()));
    s.answers.insert(
        "ts_s1_modalities".into(),
        gpai_check::answers::RawAnswer::List(vec![gpai_check::answers::RawAnswer::Text("video".into())]),
    );
    let t = tripped(&s);
    assert!(t.contains(&"X-24".to_string()) && t.contains(&"X-28".to_string()), "{t:?}");
}
