//! Do no harm: text that is right as it stands gets no edit — rare right words, older Swedish, abbreviations,
//! names, addresses, quotations in other languages — while a page that stripped its å, ä, ö is still
//! repaired. Each case is a short page as a user's file would hold it, and the whole repair runs on it.
use diakrit::Repairer;

/// Repair `text` and assert that nothing changed, naming the edits if any.
fn assert_kept(text: &str) {
    let r = Repairer::new().repair(text);
    let edits: Vec<String> = r.edits.iter().map(|e| format!("{} -> {}", e.from, e.to)).collect();
    assert!(r.edits.is_empty() && r.text == text, "edited: {edits:?}\n{text}");
}

#[test]
fn rare_right_words_on_a_clean_page() {
    // Words the lexicon has as rare, or not at all, beside common words one edit away: tall (till), val
    // (väl), kor (kör), elevtal (elavtal), värderika (värde räka), uppflyttas (uppflyttad), landsbygden.
    assert_kept(
        "Skogen består till stora delar av tall och gran, och i hagarna betar kor under sommaren.\n\
         Inför valet i september ska nämnden redovisa hur sänkta elevtal påverkar skolans ekonomi.\n\
         Det blev ganska värderika diskussioner om vilka tjänster som kan uppflyttas till en högre klass.\n\
         Förvaltningen föreslår att ärendet återremitteras för att utreda konsekvenserna för landsbygden.\n",
    );
}

#[test]
fn older_swedish_is_swedish() {
    // The spelling before 1906 and the grammar of the early 20th century.
    assert_kept(
        "Med anledning häraf få vi hemställa, att Riksdagen ville besluta, att de medel, hvilka\n\
         för ändamålet erfordras, må af statsverket förskjutas, samt att kostnaderna för det blifvande\n\
         arbetet böra bestridas af allmänna medel. De sakkunnige äro af den åsigten, att frågan icke\n\
         bör hvila, utan att en qvinna må kunna utses till ledamot, och vi hemställe, att Riksdagen\n\
         måtte affatta klämmarna sålunda. Behofvet är godt utredt och befunnos de vigtiga skälen giltiga.\n",
    );
}

#[test]
fn abbreviations_and_single_letters_are_no_misspellings() {
    assert_kept(
        "Enligt 2 kap. 3 § samt mom. 4 jfr prop. 1975:26 s. 112 f., t. ex. för lärare, resp. elever m. m.\n\
         Punkterna a, b och c gäller, liksom v. 12 och s 4; dnr 0186/24 avser ansökan.\n\
         Herr Andersson (s) och herr Berg (mp) yrkade bifall; ledamoten (c) reserverade sig.\n",
    );
}

#[test]
fn names_stay_as_written() {
    // Capitalised words no list has, inside sentences, next to a party mark, a title or a first name, or
    // written twice: names, whatever word they are one edit from.
    assert_kept(
        "Ledamöter: Niclas Hillestrand (S), Hilkka Eskelinen (S) och Roed Touma (V).\n\
         Interpellationen besvarades av statsrådet Strandhäll, och Silja Dogg deltog i debatten.\n\
         Vid Brantingsmotet talade även Kaijser, och enligt Kaijser är frågan avgjord.\n",
    );
}

#[test]
fn line_initial_fragments_of_lines_cut_out_of_pages_are_kept() {
    // Lines taken one by one from clean pages (as line-aligned archive sets hold them): each may begin
    // with the tail of a word cut before it (anordnad, kommuner, anskaffande, vägarna, Österrike).
    assert_kept(
        "nad. Vid densammas gavel anordnas plåt- och spantugnar med\n\
         muner överhuvudtaget bidraga till försvarets finansiering. En viss ändring\n\
         fande av vapen för militärt ändamål icke tillhör de angelägenheter, som\n\
         garna härför. Riksdagen har i åtskilliga fall tidigare beviljat understöd till\n\
         rike både i Rom och Athen, Österrike och Italien. In fidem\n",
    );
}

#[test]
fn addresses_are_never_edited() {
    assert_kept(
        "Läs mer på goteborg.se och https://www.goteborg.se/wps/portal/start/fran-pa eller skriv till\n\
         anna.ek@stadshuset.goteborg.se. Bilagan finns som Forstudie_2024.pdf på intranat.goteborg.se.\n\
         Kontakt: anna.ek@stadshuset goteborg se\n",
    );
    // A URL the line broke after a `-` or `/` goes on at the next line's start, its path not repaired.
    assert_kept(
        "Mer information om översvämningar finns på myndighetens webbsida:\n\
         https://www.msb.se/sv/amnesomraden/skydd-mot-olyckor-och-farliga-\n\
         amnen/naturolyckor-och-klimat/oversvamning/gronomraden/\n",
    );
}

#[test]
fn a_numbered_heading_running_into_its_text_keeps_its_capital_i() {
    // Text extracted from a PDF puts a numbered heading and its paragraph's first words on one line: the I
    // begins a sentence, no preposition.
    assert_kept(
        "Rapporten bygger på dialoger med förvaltningarna under hösten.\n\n\
         3.3.1 Kartläggning av processer I dialogerna beskriver flera förvaltningar ett behov av att\n\
         kartlägga sina processer innan de automatiseras.\n\n\
         3.3.2 Digital mognad och förmåga I flera av dialogerna framhålls att förmågan varierar.\n",
    );
}

#[test]
fn a_heading_joined_to_its_paragraph_on_a_clean_page_keeps_its_capital_i() {
    // A text extraction that joins a heading's line to its paragraph's first line leaves a capital I
    // between two small words, the heading's last and the sentence's second (`… utveckling I de …`). On a
    // page that kept its diacritics and shows no damage that I begins a sentence: no OCR misread it.
    assert_kept(
        "Förvaltningen har under året fört dialoger med nämnderna om hur arbetet ska följas upp och vilka\n\
         behov som finns framåt. Rapporten sammanfattar vad som har kommit fram och föreslår åtgärder.\n\n\
         Pågående utvecklingsarbete samt behov av fortsatt utveckling I de dialoger som förts med\n\
         förvaltningarna framkom att flera av dem har påbörjat ett arbete med att se över sina rutiner.\n\n\
         Tabell 2 – Styrande dokument som föreslås förlängas I nedanstående tabell anges de dokument som\n\
         föreslås gälla ytterligare en period, med en kort motivering för vart och ett av dem.\n",
    );
}

#[test]
fn a_piece_of_a_cut_word_takes_no_spelling_from_another_piece() {
    // `ak- törer` and `fak- torer` are aktörer and faktorer cut by an earlier layout's line end: their
    // second halves are pieces of words, not one word the document writes with and without its ö.
    assert_kept(
        "Privata och kommunala ak- törer kan ha olika mål med sin verksamhet.\n\
         Det beror på många fak- torer, exempelvis avskrivningar och räntor.\n",
    );
}

#[test]
fn words_cut_by_an_earlier_layout_stay_whole() {
    // Text reflowed from a layout that cut words at its line ends keeps the hyphen and a space inside the
    // line: the second half is no word of its own to repair (mande: mindre, tan: fan).
    assert_kept(
        "Denna modell är den tredje och sista och den vanligast förekom- mande i landets kommuner.\n\
         Gång- och cykelbanor byggs på båda sidor av ga- tan, norr om Nords- tan och vid stationen,\n\
         med hänsyn till befintlig och tillkom- mande bebyggelse samt färdigstäl- lande av tunneln.\n",
    );
}

#[test]
fn pieces_of_words_stay_as_written() {
    // A short first part joined by a hyphen, and the halves of a word whose ligature the text extraction
    // could not map (`kommunika\u{fffd}on`), are pieces of words.
    assert_kept(
        "Bolaget planerar underhåll samt re-\noch ersättningsinvesteringar, re-investeringar i kajer och ett\n\
         pilotprojekt för Vehicle-to-grid. Arbetet med kommunika\u{fffd}on och informa\u{fffd}onssäkerhet fortsätter.\n",
    );
}

#[test]
fn numbers_on_a_clean_page_stay_numbers() {
    // A `1` is read as `i` only where the page shows OCR damage: on a clean page it is a number even where
    // the neighbours would fit the preposition better.
    assert_kept(
        "Förbundet är en kommunal samverkansorganisation för tolkförmedling i regionen. Medlemmarna är de\n\
         kommuner som har anslutit sig till förbundet genom beslut i respektive kommunfullmäktige. Varje\n\
         medlem tillskjuter 1 svensk krona per kommuninvånare som andelskapital vid inträde i förbundet.\n\
         Förbundets kostnader för verksamheten ska i första hand täckas av avgifter för tjänsterna, och\n\
         direktionen beslutar årligen om avgifterna efter samråd med medlemmarna. Förbundet ska i övrigt\n\
         följa kommunallagens bestämmelser om ekonomisk förvaltning och om revision av verksamheten.\n\
         Besöksadress: Furuhällsplan 1, Kungsängen.\n",
    );
}

#[test]
fn quotations_in_other_languages_are_kept() {
    assert_kept(
        "Motionären citerar den danska lagen:\n\
         Hvad der indskydes af gifte Folk, betragtes altid som indskudt med Halvdelen for\n\
         Indskudene og for det Offentliges Tilskud. Bogen indrettes saaledes, at man klart ser\n\
         den samlede Sum, hvortil saavel Indskudene som Tilskudene med Rente ere löbne op.\n\
         Se även rapporten Convention on Action against Trafficking in Human Beings.\n",
    );
}

#[test]
fn a_stripped_page_is_still_repaired() {
    let ocr = "Kommunstyrelsen foreslas besluta att uppdra at stadsledningskontoret att\n\
               aterkomma med en redovisning av hur namnden har arbetat med fragan under aret.\n\
               Arendet har beretts i samrad med forvaltningen for intraservice, och bedomningen ar\n\
               att atgarderna ar tillrackliga for att na malen i budgeten for Goteborgs Stad.\n";
    let want = "Kommunstyrelsen föreslås besluta att uppdra åt stadsledningskontoret att\n\
                återkomma med en redovisning av hur nämnden har arbetat med frågan under året.\n\
                Ärendet har beretts i samråd med förvaltningen för intraservice, och bedömningen är\n\
                att åtgärderna är tillräckliga för att nå målen i budgeten för Göteborgs Stad.\n";
    assert_eq!(Repairer::new().repair(ocr).text, want);
}

#[test]
fn a_damaged_page_of_an_engine_without_swedish_is_still_repaired() {
    let ocr = "I ndmnden for Intraservice har arbetet med Al-funktioner fortsatt under dret.\n\
               Beddmningen &r att fdrvaltningen ska géra en uppféljning av insatserna i Géteborg.\n";
    let want = "I nämnden för Intraservice har arbetet med AI-funktioner fortsatt under året.\n\
                Bedömningen är att förvaltningen ska göra en uppföljning av insatserna i Göteborg.\n";
    assert_eq!(Repairer::new().repair(ocr).text, want);
}
