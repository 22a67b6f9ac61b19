"""The study's language: one table for every string the kit prints, and every language setting.

A study names its language in ``report/study.yaml`` (``language: nb``, ``nn`` or ``en``, optionally
with a region: ``en-GB``). ``locale_for`` turns that into a ``Locale``: the citeproc locale and CSL
style (the same for the site and the PDF), the date format (Babel), the hyphenation patterns
(pyphen), Material's language and search stemmer, and the strings of ``STRINGS``. Nothing else in
the kit spells a month, a label or a message in a human language.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

LANGUAGES = ("nb", "nn", "en")
"""The languages the kit speaks."""

DEFAULT_REGION = {"nb": "NO", "nn": "NO", "en": "US"}
"""The region when the study names none (APA is American English: "ed.", not en-GB "edn")."""

_ALIASES = {"no": "nb", "nob": "nb", "nno": "nn", "eng": "en"}

# Each entry: key → {language: text}. Templates read them as ``t.key`` (or ``t["key"]``).
STRINGS: dict[str, dict[str, str]] = {
    # the PDF
    "genre_master": {"nb": "Masteroppgave", "nn": "Masteroppgåve", "en": "Master's thesis"},
    "references": {"nb": "Litteraturliste", "nn": "Litteraturliste", "en": "References"},
    "contents": {"nb": "Innhold", "nn": "Innhald", "en": "Contents"},
    "figures": {"nb": "Figurer", "nn": "Figurar", "en": "Figures"},
    "tables": {"nb": "Tabeller", "nn": "Tabellar", "en": "Tables"},
    "figure": {"nb": "Figur", "nn": "Figur", "en": "Figure"},
    "table": {"nb": "Tabell", "nn": "Tabell", "en": "Table"},
    "institution": {"nb": "Institusjon", "nn": "Institusjon", "en": "Institution"},
    "faculty": {"nb": "Fakultet", "nn": "Fakultet", "en": "Faculty"},
    "department": {"nb": "Institutt", "nn": "Institutt", "en": "Department"},
    "place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "course_code": {"nb": "Emnekode", "nn": "Emnekode", "en": "Course code"},
    "candidate_number": {"nb": "Kandidatnummer", "nn": "Kandidatnummer", "en": "Candidate number"},
    "supervisor": {"nb": "Veileder", "nn": "Rettleiar", "en": "Supervisor"},
    "submitted": {"nb": "Innlevert", "nn": "Levert", "en": "Submitted"},
    "this_edition": {"nb": "Denne utgaven", "nn": "Denne utgåva", "en": "This edition"},
    "version": {"nb": "Versjon", "nn": "Versjon", "en": "Version"},
    "license": {"nb": "Lisens", "nn": "Lisens", "en": "Licence"},
    # the site: generated pages and boxes
    "cite": {"nb": "Sitér", "nn": "Siter", "en": "Cite"},
    "candidate": {"nb": "kandidat", "nn": "kandidat", "en": "candidate"},
    "locator_section": {"nb": "avsnitt", "nn": "avsnitt", "en": "section"},
    "in_text": {"nb": "I teksten", "nn": "I teksten", "en": "In the text"},
    "permalink": {"nb": "Fast lenke", "nn": "Fast lenkje", "en": "Permanent link"},
    "copy_reference": {"nb": "Kopier referansen", "nn": "Kopier referansen", "en": "Copy the reference"},
    "source": {"nb": "Kilde", "nn": "Kjelde", "en": "Source"},
    "theme": {"nb": "Tema", "nn": "Tema", "en": "Theme"},
    "themes": {"nb": "Temaer", "nn": "Tema", "en": "Themes"},
    "findings": {"nb": "Funn", "nn": "Funn", "en": "Findings"},
    "informants": {"nb": "Informanter", "nn": "Informantar", "en": "Informants"},
    "informant": {"nb": "Informant", "nn": "Informant", "en": "Informant"},
    "informant_number": {"nb": "Nr.", "nn": "Nr.", "en": "No."},
    "figures_and_tables": {"nb": "Figurer og tabeller", "nn": "Figurar og tabellar", "en": "Figures and tables"},
    "accessibility": {"nb": "Tilgjengelighet", "nn": "Tilgjenge", "en": "Accessibility"},
    "cited_in": {"nb": "Sitert i", "nn": "Sitert i", "en": "Cited in"},
    "reconstructed": {"nb": "rekonstruert", "nn": "rekonstruert", "en": "reconstructed"},
    "reconstructed_note": {
        "nb": "Oppføringer merket *rekonstruert* er bygd fra henvisningen i teksten og ikke kontrollert"
        " mot en katalog eller selve verket.",
        "nn": "Oppføringar merkte *rekonstruert* er bygde frå tilvisinga i teksten og ikkje kontrollerte"
        " mot ein katalog eller sjølve verket.",
        "en": "Entries marked *reconstructed* are built from the citation in the text and not checked"
        " against a catalogue or the work itself.",
    },
    "described_note": {
        "nb": "En tittel i hakeparentes er ikke verkets egen, men en beskrivelse: verket har ingen tittel,"
        " eller tittelen er ikke kjent.",
        "nn": "Ein tittel i hakeparentes er ikkje verket sin eigen, men ei skildring: verket har ingen tittel,"
        " eller tittelen er ikkje kjend.",
        "en": "A title in square brackets is not the work's own but a description: the work has no title,"
        " or its title is not known.",
    },
    "evidence_quotes": {
        "nb": "Sitater som belegger funnet",
        "nn": "Sitat som underbyggjer funnet",
        "en": "Quotes that support the finding",
    },
    "discussed_in": {"nb": "Drøftet i", "nn": "Drøfta i", "en": "Discussed in"},
    "discussed_in_sentence": {"nb": "Drøftes i", "nn": "Vert drøfta i", "en": "Discussed in"},
    "quotes": {"nb": "Sitater", "nn": "Sitat", "en": "Quotes"},
    "no_quotes": {"nb": "Ingen sitater.", "nn": "Ingen sitat.", "en": "No quotes."},
    "no_quotes_informant": {
        "nb": "Ingen sitater fra denne informanten.",
        "nn": "Ingen sitat frå denne informanten.",
        "en": "No quotes from this informant.",
    },
    "no_findings_theme": {
        "nb": "Ingen funn er knyttet til dette temaet.",
        "nn": "Ingen funn er knytte til dette temaet.",
        "en": "No findings belong to this theme.",
    },
    "findings_intro": {
        "nb": "Studiens funn, hvert med egen fast lenke, sitatene som belegger det og drøftingen av det.",
        "nn": "Funna i studien, kvart med eiga fast lenke, sitata som underbyggjer det og drøftinga av det.",
        "en": "The study's findings, each with its own permanent link, the quotes that support it and"
        " where it is discussed.",
    },
    "informants_intro": {
        "nb": "Informantene er anonyme og omtales med kodetall.",
        "nn": "Informantane er anonyme og vert omtalte med kodetal.",
        "en": "The informants are anonymous and referred to by code number.",
    },
    "informants_pronoun": {
        "nb": " Alle omtales som «{pronoun}».",
        "nn": " Alle vert omtalte som «{pronoun}».",
        "en": " Each is referred to as “{pronoun}”.",
    },
    "property": {"nb": "Egenskap", "nn": "Eigenskap", "en": "Property"},
    "value": {"nb": "Verdi", "nn": "Verdi", "en": "Value"},
    "group": {"nb": "Gruppe", "nn": "Gruppe", "en": "Group"},
    "quote_stands_in": {"nb": "Sitatet står i", "nn": "Sitatet står i", "en": "The quote is in"},
    "see_in_context": {"nb": "se i sammenhengen", "nn": "sjå i samanhengen", "en": "see it in context"},
    # thesis serve: the preview's error overlay and PDF viewer
    "serve_error": {
        "nb": "Feil i kildene: siden viser siste gode versjon",
        "nn": "Feil i kjeldene: sida viser siste gode versjon",
        "en": "Error in the sources: the page shows the last good version",
    },
    "serve_pdf": {"nb": "PDF-forhåndsvisning", "nn": "PDF-førehandsvising", "en": "PDF preview"},
    "text_version_of_figure": {
        "nb": "Tekstversjon av figur",
        "nn": "Tekstversjon av figur",
        "en": "Text version of figure",
    },
    "table_marker": {"nb": "tabell", "nn": "tabell", "en": "table"},
    # the list of changes (docs/om-utgaven.md: changes_list())
    "change_redaksjon": {"nb": "Redigering", "nn": "Redigering", "en": "Editing"},
    "change_anonymitet": {
        "nb": "Anonymitet og personvern",
        "nn": "Anonymitet og personvern",
        "en": "Anonymity and privacy",
    },
    "change_anonymitet_text": {
        "nb": "Disse endringene står bare som klasser med antall, uten sted og uten den opprinnelige ordlyden.",
        "nn": "Desse endringane står berre som klassar med tal, utan stad og utan den opphavlege ordlyden.",
        "en": "These changes are listed only as classes with a count, without their place or original wording.",
    },
    "change_many_places": {"nb": "Flere steder", "nn": "Fleire stader", "en": "Several places"},
    "change_bibliography": {"nb": "Litteraturlisten", "nn": "Litteraturlista", "en": "The reference list"},
    "change_sitering": {"nb": "Kildehenvisninger", "nn": "Kjeldetilvisingar", "en": "Citations"},
    "change_nummerering": {"nb": "Overskriftsnummer", "nn": "Overskriftsnummer", "en": "Heading numbers"},
    "change_figur": {"nb": "Figurer", "nn": "Figurar", "en": "Figures"},
    "change_sitat": {"nb": "Informantsitater", "nn": "Informantsitat", "en": "Informant quotes"},
    "change_tekst": {"nb": "Tekst", "nn": "Tekst", "en": "Text"},
    "change_place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "change_original": {"nb": "Originalen", "nn": "Originalen", "en": "Original"},
    "change_edition": {"nb": "Denne utgaven", "nn": "Denne utgåva", "en": "This edition"},
    "change_note": {"nb": "Merknad", "nn": "Merknad", "en": "Note"},
    "ibid_heading": {"nb": "Sitater merket «(Ibid)»", "nn": "Sitat merkte «(Ibid)»", "en": "Quotes marked “(Ibid)”"},
    "ibid_text": {
        "nb": "Originalen viser til forrige sitat med «(Ibid)». Utgaven oppgir informantnummeret.",
        "nn": "Originalen viser til førre sitat med «(Ibid)». Utgåva oppgjev informantnummeret.",
        "en": "The original refers to the previous quote with “(Ibid)”. The edition gives the informant's number.",
    },
    # thesis new, thesis import (the command line and import-rapport.md)
    "new_done": {
        "nb": "Ny studie i {directory}. Bygg den med: thesis build --project {directory}",
        "nn": "Ny studie i {directory}. Bygg han med: thesis build --project {directory}",
        "en": "New study in {directory}. Build it with: thesis build --project {directory}",
    },
    "import_done_cli": {
        "nb": "Studien er laget i {target}: {done} endringer, {todo} ting å gjøre (se {report}). "
        "Bygg den med: thesis build --project {target}",
        "nn": "Studien er laga i {target}: {done} endringar, {todo} ting å gjere (sjå {report}). "
        "Bygg han med: thesis build --project {target}",
        "en": "The study is in {target}: {done} changes, {todo} things to do (see {report}). "
        "Build it with: thesis build --project {target}",
    },
    "scaffold_edition_about": {"nb": "Om denne utgaven", "nn": "Om denne utgåva", "en": "About this edition"},
    "scaffold_edition_source": {
        "nb": "Utgaven bygger også på",
        "nn": "Utgåva byggjer òg på",
        "en": "The edition also draws on",
    },
    "scaffold_edition_changes": {"nb": "Endringer", "nn": "Endringar", "en": "Changes"},
    "scaffold_author": {"nb": "Etternavn, Fornavn", "nn": "Etternamn, Førenamn", "en": "Surname, Given"},
    "scaffold_publisher": {"nb": "Forlaget", "nn": "Forlaget", "en": "The Publisher"},
    "scaffold_reconstructed_title": {
        "nb": "En bok som bare er kjent fra henvisningene",
        "nn": "Ei bok som berre er kjend frå tilvisingane",
        "en": "A book known only from the citations",
    },
    "scaffold_reconstructed_note": {
        "nb": "Gjenskapt fra henvisningene i teksten; ikke kontrollert mot boka",
        "nn": "Attskapt frå tilvisingane i teksten; ikkje kontrollert mot boka",
        "en": "Reconstructed from the citations in the text; not checked against the book",
    },
    "home": {"nb": "Forside", "nn": "Framside", "en": "Home"},
    "import_report": {"nb": "Importrapport", "nn": "Importrapport", "en": "Import report"},
    "import_report_intro": {
        "nb": "Importen endret bare strukturen, aldri ordene. Alt den gjorde, står her; det den ikke kunne"
        " gjøre, står først.",
        "nn": "Importen endra berre strukturen, aldri orda. Alt han gjorde, står her; det han ikkje kunne"
        " gjere, står først.",
        "en": "The import changed structure only, never the words. Everything it did is listed here; what it could"
        " not do is listed first.",
    },
    "import_left": {"nb": "Igjen for deg", "nn": "Att for deg", "en": "Left for the writer"},
    "import_done": {"nb": "Endringer som er gjort", "nn": "Endringar som er gjorde", "en": "Changes made"},
    "import_nothing_left": {"nb": "Ingenting.", "nn": "Ingenting.", "en": "Nothing."},
    "import_nothing_done": {"nb": "Ingen.", "nn": "Ingen.", "en": "None."},
    "import_front_matter": {
        "nb": "Før første overskrift",
        "nn": "Før første overskrift",
        "en": "Before the first heading",
    },
    "import_heading_number": {
        "nb": "det håndskrevne nummeret «{number}» ble fjernet (kitet nummererer overskriftene)",
        "nn": "det handskrivne nummeret «{number}» vart fjerna (kitet nummererer overskriftene)",
        "en": "the hand-typed number “{number}” was removed (the kit numbers headings)",
    },
    "import_braces": {
        "nb": "krøllparenteser som ligner malsyntaks, beholdt som tekst ({{ '{{' }})",
        "nn": "krøllparentesar som liknar malsyntaks, haldne som tekst ({{ '{{' }})",
        "en": "template-like braces in the text kept as text ({{ '{{' }})",
    },
    "import_quote": {
        "nb": "blokksitatet «{words}…» ({number}) ble sitatet {id}",
        "nn": "blokksitatet «{words}…» ({number}) vart sitatet {id}",
        "en": "block quote “{words}…” ({number}) became quote {id}",
    },
    "import_table_caption": {
        "nb": "«{text}» ble tittelen på tabellen under (kitet nummererer den)",
        "nn": "«{text}» vart tittelen på tabellen under (kitet nummererer han)",
        "en": "“{text}” became the caption of the table below it (numbered by the kit)",
    },
    "import_added_entry": {
        "nb": "@{entry}: lagt til fra dataene i Word-henvisningen (kontroller den)",
        "nn": "@{entry}: lagd til frå dataa i Word-tilvisinga (kontroller henne)",
        "en": "@{entry}: added from the citation field's embedded item data (check it)",
    },
    "import_dead_links": {
        "nb": "{n} lenke(r) til steder som ikke finnes i teksten, beholdt som ren tekst: {ids}",
        "nn": "{n} lenkje/lenkjer til stader som ikkje finst i teksten, haldne som rein tekst: {ids}",
        "en": "{n} link(s) to places that are not in the text kept as plain text: {ids}",
    },
    "import_aside": {
        "nb": "«{title}» lagt til side, ikke publisert: {why}",
        "nn": "«{title}» lagd til sides, ikkje publisert: {why}",
        "en": "“{title}” set aside, not published: {why}",
    },
    "import_aside_generated": {
        "nb": "kitet lager innholdsfortegnelsen og litteraturlisten selv",
        "nn": "kitet lagar innhaldslista og litteraturlista sjølv",
        "en": "the kit makes the table of contents and the reference list itself",
    },
    "import_aside_front": {
        "nb": "tekst før første overskrift (en tittelside?): fyll ut report/study.yaml fra den",
        "nn": "tekst før første overskrift (ei tittelside?): fyll ut report/study.yaml frå han",
        "en": "text before the first heading (a title page?): fill in report/study.yaml from it",
    },
    "import_no_entry": {
        "nb": "henvisnings-id-en {id!r} har ingen oppføring: legg den til",
        "nn": "tilvisings-id-en {id!r} har inga oppføring: legg henne til",
        "en": "citation id {id!r} has no entry: add it",
    },
    "import_no_alt": {
        "nb": "bildet bilder/{name} har ingen alternativ tekst: skriv en i Word eller her",
        "nn": "biletet bilder/{name} har ingen alternativ tekst: skriv ein i Word eller her",
        "en": "picture bilder/{name} has no alt text: write one in Word or here",
    },
    "import_picture": {
        "nb": "bildet bilder/{name} hentet ut, alternativ tekst fra Word",
        "nn": "biletet bilder/{name} henta ut, alternativ tekst frå Word",
        "en": "picture bilder/{name} extracted, alt text from Word",
    },
    "import_title": {
        "nb": "tittel fra dokumentets egenskaper",
        "nn": "tittel frå eigenskapane til dokumentet",
        "en": "title from the document's properties",
    },
    "import_author": {
        "nb": "forfatter fra dokumentets egenskaper (kontroller fornavn og etternavn)",
        "nn": "forfattar frå eigenskapane til dokumentet (kontroller førenamn og etternamn)",
        "en": "author from the document's properties (check given and family name)",
    },
    "import_date": {
        "nb": "dato fra dokumentets egenskaper (sist lagret): sett innleveringsdatoen",
        "nn": "dato frå eigenskapane til dokumentet (sist lagra): set innleveringsdatoen",
        "en": "date from the document's properties (last saved): set the submission date",
    },
    "import_no_language": {
        "nb": "dokumentet oppgir ikke språk; satt til {language}: kontroller det",
        "nn": "dokumentet oppgjev ikkje språk; sett til {language}: kontroller det",
        "en": "the document names no language; set to {language}: check it",
    },
    "import_fill_in": {
        "nb": "type oppgave (genre), grad, institusjon, emnekode, kandidatnummer og veileder: fyll dem ut",
        "nn": "type oppgåve (genre), grad, institusjon, emnekode, kandidatnummer og rettleiar: fyll dei ut",
        "en": "kind of thesis (genre), degree, institution, course code, candidate number and supervisor: fill them in",
    },
    "cff_message": {
        "nb": "Siter oppgaven slik (If you use this thesis, please cite it as below).",
        "nn": "Siter oppgåva slik (If you use this thesis, please cite it as below).",
        "en": "If you use this thesis, please cite it as below.",
    },
    "cff_header": {
        "nb": "Generert av `thesis build` fra report/study.yaml og mkdocs.yml. Ikke rediger for hånd.",
        "nn": "Generert av `thesis build` frå report/study.yaml og mkdocs.yml. Ikkje rediger for hand.",
        "en": "Generated by `thesis build` from report/study.yaml and mkdocs.yml. Do not edit by hand.",
    },
    # the site's 404 page (templates/overrides/404.html)
    "not_found_title": {"nb": "404 – Fant ikke siden", "nn": "404 – Fann ikkje sida", "en": "404 – Page not found"},
    "not_found_text": {"nb": "Siden finnes ikke.", "nn": "Sida finst ikkje.", "en": "The page does not exist."},
    "to_front_page": {"nb": "Gå til forsiden", "nn": "Gå til framsida", "en": "Go to the front page"},
    "menu": {"nb": "Meny", "nn": "Meny", "en": "Menu"},
    "search": {"nb": "Søk", "nn": "Søk", "en": "Search"},
    # the site's script (templates/assets/thesiskit.js, from the JSON that templates/overrides/main.html writes)
    "copied": {"nb": "Kopiert", "nn": "Kopiert", "en": "Copied"},
    "copy_selected": {"nb": "Merket – trykk Ctrl+C", "nn": "Merkt – trykk Ctrl+C", "en": "Selected – press Ctrl+C"},
    "search_close": {"nb": "Lukk søket", "nn": "Lukk søket", "en": "Close search"},
    "search_filters": {"nb": "Filtre", "nn": "Filter", "en": "Filters"},
    "search_results": {"nb": "Søkeresultater", "nn": "Søkjeresultat", "en": "Search results"},
    "search_tags": {"nb": "Stikkord", "nn": "Stikkord", "en": "Tags"},
    "search_loading": {"nb": "Laster søket …", "nn": "Lastar søket …", "en": "Loading search…"},
    "search_unavailable": {
        "nb": "Søket er ikke tilgjengelig. Last inn siden på nytt for å prøve igjen.",
        "nn": "Søket er ikkje tilgjengeleg. Last inn sida på nytt for å prøve igjen.",
        "en": "Search is unavailable. Reload the page to try again.",
    },
    # the accessibility statement (templates/site/pages/accessibility.md.j2)
    "a11y_title": {"nb": "Tilgjengelighetserklæring", "nn": "Tilgjengeerklæring", "en": "Accessibility statement"},
    "a11y_law": {
        "nb": "Nettstedet skal oppfylle forskrift om universell utforming av IKT-løsninger. Siden 1. februar 2023\n"
        "krever forskriften at nettsteder følger WCAG 2.1 på nivå A og AA.",
        "nn": "Nettstaden skal oppfylle forskrift om universell utforming av IKT-løysingar. Sidan 1. februar 2023"
        " krev forskrifta at nettstader følgjer WCAG 2.1 på nivå A og AA.",
        "en": "The website is to meet the Norwegian regulation on universal design of ICT solutions. Since"
        " 1 February 2023 the regulation has required websites to follow WCAG 2.1 at levels A and AA.",
    },
    "a11y_untested": {
        "nb": "Nettstedet er ikke testet ennå: det finnes ingen registrert tilgjengelighetstest.",
        "nn": "Nettstaden er ikkje testa enno: det finst ingen registrert tilgjengetest.",
        "en": "The website has not been tested yet: no accessibility test has been recorded.",
    },
    "a11y_based_on": {
        "nb": "Erklæringen bygger på den siste automatiske testen av nettstedet, {date}.",
        "nn": "Erklæringa byggjer på den siste automatiske testen av nettstaden, {date}.",
        "en": "This statement is based on the latest automated test of the website, {date}.",
    },
    "a11y_failing": {
        "nb": "Testen fant feil på {failing} av {pages}.",
        "nn": "Testen fann feil på {failing} av {pages}.",
        "en": "The test found errors on {failing} of {pages}.",
    },
    "a11y_keyboard_failing": {
        "nb": "Testen fant ingen feil på de {n} sidene, men feil ved bruk med tastatur.",
        "nn": "Testen fann ingen feil på dei {n} sidene, men feil ved bruk med tastatur.",
        "en": "The test found no errors on the {n} pages, but errors when used with the keyboard.",
    },
    "a11y_passed": {
        "nb": "Testen fant ingen feil på noen av de {n} sidene.",
        "nn": "Testen fann ingen feil på nokon av dei {n} sidene.",
        "en": "The test found no errors on any of the {n} pages.",
    },
    "page_one": {"nb": "side", "nn": "side", "en": "page"},
    "page_many": {"nb": "sider", "nn": "sider", "en": "pages"},
    "element_one": {"nb": "element", "nn": "element", "en": "element"},
    "element_many": {"nb": "elementer", "nn": "element", "en": "elements"},
    "and": {"nb": "og", "nn": "og", "en": "and"},
    "a11y_how": {
        "nb": "Slik er nettstedet testet",
        "nn": "Slik er nettstaden testa",
        "en": "How the website was tested",
    },
    "a11y_what": {"nb": "Hva er testet", "nn": "Kva er testa", "en": "What was tested"},
    "a11y_tool": {"nb": "Verktøy", "nn": "Verktøy", "en": "Tool"},
    "a11y_date": {"nb": "Dato", "nn": "Dato", "en": "Date"},
    "a11y_result": {"nb": "Resultat", "nn": "Resultat", "en": "Result"},
    "a11y_wcag": {
        "nb": "WCAG 2.0 og 2.1 nivå A og AA på hver side",
        "nn": "WCAG 2.0 og 2.1 nivå A og AA på kvar side",
        "en": "WCAG 2.0 and 2.1 levels A and AA on every page",
    },
    "a11y_in_scheme": {
        "nb": " i {first}, fargekontrast også i {rest}",
        "nn": " i {first}, fargekontrast også i {rest}",
        "en": " in {first}, colour contrast also in {rest}",
    },
    "a11y_in": {"nb": "i", "nn": "i", "en": "in"},
    "a11y_on": {"nb": "på", "nn": "på", "en": "on"},
    "a11y_violations": {"nb": "brudd", "nn": "brot", "en": "violations"},
    "a11y_errors": {"nb": "feil", "nn": "feil", "en": "errors"},
    "a11y_valid_html": {"nb": "Gyldig HTML", "nn": "Gyldig HTML", "en": "Valid HTML"},
    "a11y_keyboard": {
        "nb": "Bruk med tastatur alene: hopplenke, synlig fokus, søk, meny på smal skjerm",
        "nn": "Bruk med tastatur åleine: hopplenkje, synleg fokus, søk, meny på smal skjerm",
        "en": "Keyboard alone: skip link, visible focus, search, menu on a narrow screen",
    },
    "a11y_found": {"nb": "Feil som er funnet", "nn": "Feil som er funne", "en": "Errors found"},
    "a11y_line": {"nb": "linje", "nn": "linje", "en": "line"},
    "a11y_keyboard_errors": {
        "nb": "Feil ved bruk med tastatur",
        "nn": "Feil ved bruk med tastatur",
        "en": "Errors when used with the keyboard",
    },
    "a11y_all_pages": {
        "nb": "Alle sidene som ble testet",
        "nn": "Alle sidene som vart testa",
        "en": "All the pages tested",
    },
    "a11y_page": {"nb": "Side", "nn": "Side", "en": "Page"},
    "a11y_file": {"nb": "Fil", "nn": "Fil", "en": "File"},
    "a11y_violations_axe": {"nb": "Brudd (axe-core)", "nn": "Brot (axe-core)", "en": "Violations (axe-core)"},
    "a11y_html_errors": {"nb": "HTML-feil", "nn": "HTML-feil", "en": "HTML errors"},
    "a11y_limits": {"nb": "Begrensninger", "nn": "Avgrensingar", "en": "Limitations"},
    "a11y_limits_text": {
        "nb": "Automatiske tester finner bare en del av mulige brudd på WCAG. De kan for eksempel ikke vurdere om\n"
        "en tekst er lett å forstå, eller om et tekstalternativ sier det samme som figuren.",
        "nn": "Automatiske testar finn berre ein del av moglege brot på WCAG. Dei kan til dømes ikkje vurdere om\n"
        "ein tekst er lett å forstå, eller om eit tekstalternativ seier det same som figuren.",
        "en": "Automated tests find only some of the possible violations of WCAG. They cannot judge, for example,\n"
        "whether a text is easy to understand, or whether a text alternative says what the figure says.",
    },
    "a11y_figures": {
        "nb": "Hver figur har en tekstversjon under seg: organisasjonskart som lister og tabeller som tabeller.",
        "nn": "Kvar figur har ein tekstversjon under seg: organisasjonskart som lister og tabellar som tabellar.",
        "en": "Every figure has a text version below it: organisation charts as lists and tables as tables.",
    },
    "a11y_quotes": {
        "nb": "Informantsitater er merket som sitater, med informanten de kommer fra.",
        "nn": "Informantsitat er merkte som sitat, med informanten dei kjem frå.",
        "en": "Informant quotes are marked as quotations, with the informant they come from.",
    },
    "a11y_pdf": {
        "nb": "PDF-utgaven av oppgaven er ikke med i testen som er beskrevet her.",
        "nn": "PDF-utgåva av oppgåva er ikkje med i testen som er skildra her.",
        "en": "The PDF edition of the thesis is not part of the test described here.",
    },
    "a11y_feedback": {"nb": "Tilbakemelding", "nn": "Tilbakemelding", "en": "Feedback"},
    "a11y_report": {
        "nb": "Finner du noe som ikke fungerer, kan du melde fra",
        "nn": "Finn du noko som ikkje fungerer, kan du melde frå",
        "en": "If you find something that does not work, you can report it",
    },
    "a11y_in_repository": {
        "nb": "i [kildelageret]({url})",
        "nn": "i [kjeldelageret]({url})",
        "en": "in the [repository]({url})",
    },
    "a11y_to_author": {"nb": "til forfatteren", "nn": "til forfattaren", "en": "to the author"},
    "a11y_complain": {
        "nb": "Du kan også klage til [Tilsynet for universell utforming av IKT](https://www.uutilsynet.no/).",
        "nn": "Du kan også klage til [Tilsynet for universell utforming av IKT](https://www.uutilsynet.no/).",
        "en": "You can also complain to the Norwegian [Authority for Universal Design of ICT](https://www.uutilsynet.no/).",
    },
    "scheme_default": {"nb": "lys modus", "nn": "lys modus", "en": "light mode"},
    "scheme_slate": {"nb": "mørk modus", "nn": "mørk modus", "en": "dark mode"},
}


@dataclass(frozen=True)
class Locale:
    """Everything the kit needs to know about the study's language."""

    lang: str
    """``nb``, ``nn`` or ``en``."""
    region: str
    """``NO``, ``GB``, ``US`` …"""

    @property
    def tag(self) -> str:
        """BCP 47 tag, also the citeproc locale (the same for site and PDF): ``nb-NO``."""
        return f"{self.lang}-{self.region}"

    @property
    def babel(self) -> str:
        """Babel's locale name: ``nb_NO``."""
        return f"{self.lang}_{self.region}"

    @property
    def csl_style(self) -> str:
        """The CSL style: the Norsk APA-manual for nb and nn, APA 7 for English."""
        return "apa" if self.lang == "en" else "norsk-apa-manual"

    @property
    def narrative_and(self) -> str:
        """The word between two authors in running text ("og" in Norwegian, "and" in English)."""
        return "and" if self.lang == "en" else "og"

    @property
    def hyphenation(self) -> str:
        """Pyphen's dictionary for the language."""
        return hyphenation_for(self.tag)

    @property
    def material_language(self) -> str:
        """Material for MkDocs' ``theme.language``."""
        return self.lang

    @property
    def search_lang(self) -> str:
        """Lunr's stemmer for MkDocs' search plugin (``no`` covers bokmål and nynorsk)."""
        return "en" if self.lang == "en" else "no"

    def text(self, key: str, **values: object) -> str:
        """A string of the table in this language, with ``{name}`` fields filled in."""
        try:
            entry = STRINGS[key]
        except KeyError:
            raise KeyError(f"no string {key!r} in the locale table (thesiskit/lang.py)") from None
        text = entry[self.lang]
        return text.format(**values) if values else text

    @property
    def strings(self) -> dict[str, str]:
        """Every string of the table in this language (what templates see as ``t``)."""
        return {k: v[self.lang] for k, v in STRINGS.items()}

    def date(self, day: dt.date) -> str:
        """A date as written in running text: ``14. juni 2019``, ``14 June 2019``."""
        return format_date(day, self)

    def month(self, n: int) -> str:
        """The name of month ``n`` (1–12), lower-case in Norwegian."""
        return month_names(self.babel)[n - 1]


def normalise(language: str) -> tuple[str, str | None]:
    """``"en-GB"`` → ``("en", "GB")``; ``"no"`` → ``("nb", None)``. Unknown languages are returned as given."""
    parts = language.replace("_", "-").split("-")
    lang = _ALIASES.get(parts[0].lower(), parts[0].lower())
    region = parts[1].upper() if len(parts) > 1 and parts[1] else None
    return lang, region


def locale_for(language: str) -> Locale:
    """The study's locale; a language the kit does not speak falls back to English strings."""
    lang, region = normalise(language)
    if lang not in LANGUAGES:
        lang = "en"
    return Locale(lang, region or DEFAULT_REGION[lang])


def hyphenation_for(language: str) -> str:
    """Pyphen's dictionary for a language tag (``en`` → ``en_US``, ``nn`` → ``nn_NO``)."""
    lang, region = normalise(language)
    if lang == "en":
        return "en_GB" if region == "GB" else "en_US"
    return {"nb": "nb_NO", "nn": "nn_NO"}.get(lang, lang)


@functools.cache
def month_names(babel_locale: str) -> tuple[str, ...]:
    """Month names from Babel's CLDR data, in the form used inside a date."""
    from babel.dates import get_month_names

    names = get_month_names("wide", context="format", locale=babel_locale)
    return tuple(names[i] for i in range(1, 13))


def format_date(day: dt.date, locale: Locale) -> str:
    """A date in the locale's long form (Babel): ``14. juni 2019``, ``14 June 2019``, ``June 14, 2019``."""
    from babel.dates import format_date as babel_format

    return babel_format(day, format="long", locale=locale.babel)


def all_strings(lang: str) -> set[str]:
    """Every string of the table in ``lang`` (for tests that look for another language's words)."""
    return {v[lang] for v in STRINGS.values()}
