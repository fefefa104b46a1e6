package markdown

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
)

// The page's own words: its headings, labels, table headers and the
// sentences it writes around the catalog's texts. wordTable is the one list
// of their keys, with the English every page starts from and the German and
// French errgen bundles, so that a page in de or fr reads wholly in its
// language even when translations/LANG.yaml gives no words; a language's
// file overrides them key by key (Translation.Words, checked by Rules).
// A word may hold {name} placeholders, which the page fills with Markdown it
// makes (a code span, a link); its own text is escaped as catalog text is.

// wordRow is one row of wordTable.
type wordRow struct {
	key        string
	en, de, fr string
}

// wordTable lists every word key. A key named like a catalog key of an
// error (title, message, description, causes, remediation,
// troubleshooting, details) is that part's label, which the untranslated
// note names.
var wordTable = []wordRow{
	{"page_title", "Errors", "Fehler", "Erreurs"},
	{"languages", "Languages", "Sprachen", "Langues"},
	{"untranslated", "Not yet translated", "Noch nicht übersetzt", "Pas encore traduit"},
	{"envelope_heading", "Error response format", "Format der Fehlerantworten", "Format des réponses d'erreur"},
	{"envelope_media_type", "Error responses have the content type {type}.", "Fehlerantworten haben den Inhaltstyp {type}.", "Les réponses d'erreur ont le type de contenu {type}."},
	{"envelope_used_by", "Used by {errors}.", "Verwendet von {errors}.", "Utilisé par {errors}."},
	{"envelope_count", "{count} of the {total} errors", "{count} der {total} Fehler", "{count} des {total} erreurs"},
	{"envelope_example", "This is the body of {error}:", "Dies ist der Body von {error}:", "Voici le corps de {error} :"},
	{"field", "Field", "Feld", "Champ"},
	{"type", "Type", "Typ", "Type"},
	{"description", "Description", "Beschreibung", "Description"},
	{"varies", "varies", "variiert", "variable"},
	{"field_object", "Object holding the members below.", "Objekt mit den folgenden Feldern.", "Objet contenant les membres ci-dessous."},
	{"field_spread", "Each of the error's details, as a member of its own; see the error's details table.", "Jedes Detail des Fehlers als eigenes Feld; siehe die Detailtabelle des Fehlers.", "Chaque détail de l'erreur, comme membre à part entière ; voir le tableau des détails de l'erreur."},
	{"field_array", "Array of exactly one element.", "Array mit genau einem Element.", "Tableau d'exactement un élément."},
	{"field_literal", "Always {value}.", "Immer {value}.", "Toujours {value}."},
	{"field_optional", "Omitted when empty.", "Entfällt, wenn leer.", "Omis s'il est vide."},
	{"field_code", "Machine-readable error code: one of the codes below.", "Maschinenlesbarer Fehlercode: einer der folgenden Codes.", "Code d'erreur lisible par une machine : l'un des codes ci-dessous."},
	{"field_message_optional", "Human-readable message.", "Lesbare Meldung.", "Message lisible par un humain."},
	{"field_message", "Human-readable message; the error's title when it has no message.", "Lesbare Meldung; der Titel des Fehlers, wenn er keine Meldung hat.", "Message lisible par un humain ; le titre de l'erreur si elle n'a pas de message."},
	{"field_title", "Short, human-readable summary of the error.", "Kurze, lesbare Zusammenfassung des Fehlers.", "Résumé court et lisible de l'erreur."},
	{"field_status", "HTTP status code.", "HTTP-Statuscode.", "Code de statut HTTP."},
	{"field_status_text", "HTTP status code, as a string.", "HTTP-Statuscode als Zeichenkette.", "Code de statut HTTP, sous forme de chaîne."},
	{"field_type", "URI identifying the kind of error.", "URI, die die Art des Fehlers bezeichnet.", "URI identifiant le type d'erreur."},
	{"field_details", "Additional context; see the error's details table.", "Zusätzlicher Kontext; siehe die Detailtabelle des Fehlers.", "Contexte supplémentaire ; voir le tableau des détails de l'erreur."},
	{"field_detail", "The error's {detail} detail, for errors that have one.", "Das Detail {detail} des Fehlers, bei Fehlern, die es haben.", "Le détail {detail} de l'erreur, pour les erreurs qui en ont un."},
	{"field_meta", "The error's {name} attribute, fixed for each code.", "Das Attribut {name} des Fehlers, fest für jeden Code.", "L'attribut {name} de l'erreur, fixe pour chaque code."},
	{"field_request_id", "Identifier of the request; quote it when you contact support.", "Kennung der Anfrage; geben Sie sie an, wenn Sie den Support kontaktieren.", "Identifiant de la requête ; indiquez-le si vous contactez le support."},
	{"field_instance", "URI identifying this occurrence of the error.", "URI, die dieses Auftreten des Fehlers bezeichnet.", "URI identifiant cette occurrence de l'erreur."},
	{"field_docs_url", "Link to the error's documentation.", "Link zur Dokumentation des Fehlers.", "Lien vers la documentation de l'erreur."},
	{"field_category", "Category of the error.", "Kategorie des Fehlers.", "Catégorie de l'erreur."},
	{"handling_heading", "Handling errors", "Fehlerbehandlung", "Traitement des erreurs"},
	{"handling_unknown", "Branch on the `code` member, never on the message. New codes may be added at any time, so handle a code you do not know by its HTTP status class: a 4xx means the request must change before it is sent again, a 5xx that the server failed{fallback}. New details may be added too: ignore a member you do not know.",
		"Unterscheiden Sie Fehler am Feld `code`, nie an der Meldung. Neue Codes können jederzeit hinzukommen; behandeln Sie einen unbekannten Code daher nach seiner HTTP-Statusklasse: ein 4xx heißt, dass die Anfrage geändert werden muss, bevor sie erneut gesendet wird, ein 5xx, dass der Server versagt hat{fallback}. Auch neue Details können hinzukommen: Ignorieren Sie ein Feld, das Sie nicht kennen.",
		"Distinguez les erreurs par le membre `code`, jamais par le message. De nouveaux codes peuvent apparaître à tout moment ; traitez donc un code inconnu selon sa classe de statut HTTP : un 4xx signifie que la requête doit changer avant d'être renvoyée, un 5xx que le serveur a échoué{fallback}. De nouveaux détails peuvent aussi apparaître : ignorez un membre que vous ne connaissez pas."},
	{"handling_code_at", "In {type} bodies, branch on the {member} member, never on the message.",
		"In Bodys vom Typ {type} unterscheiden Sie Fehler am Feld {member}, nie an der Meldung.",
		"Dans les corps {type}, distinguez les erreurs par le membre {member}, jamais par le message."},
	{"handling_code_none", "{type} bodies carry no code: branch on the HTTP status and the {title} member, never on the message; the codes this page names errors by are not sent.",
		"Bodys vom Typ {type} tragen keinen Code: Unterscheiden Sie Fehler am HTTP-Status und am Feld {title}, nie an der Meldung; die Codes, mit denen diese Seite Fehler benennt, werden nicht gesendet.",
		"Les corps {type} ne portent pas de code : distinguez les erreurs par le statut HTTP et le membre {title}, jamais par le message ; les codes par lesquels cette page nomme les erreurs ne sont pas envoyés."},
	{"handling_new", "New errors may be added at any time, so handle one you do not know by its HTTP status class: a 4xx means the request must change before it is sent again, a 5xx that the server failed{fallback}. New details may be added too: ignore a member you do not know.",
		"Neue Fehler können jederzeit hinzukommen; behandeln Sie einen unbekannten daher nach seiner HTTP-Statusklasse: ein 4xx heißt, dass die Anfrage geändert werden muss, bevor sie erneut gesendet wird, ein 5xx, dass der Server versagt hat{fallback}. Auch neue Details können hinzukommen: Ignorieren Sie ein Feld, das Sie nicht kennen.",
		"De nouvelles erreurs peuvent apparaître à tout moment ; traitez donc une erreur inconnue selon sa classe de statut HTTP : un 4xx signifie que la requête doit changer avant d'être renvoyée, un 5xx que le serveur a échoué{fallback}. De nouveaux détails peuvent aussi apparaître : ignorez un membre que vous ne connaissez pas."},
	{"handling_fallback", "; the fallback, {error} ({status}), is what the API sends for any error this page does not name; its section is marked **Fallback**",
		"; der Ersatzfehler {error} ({status}) ist, was die API für jeden Fehler sendet, den diese Seite nicht nennt; sein Abschnitt ist mit **Ersatzfehler** markiert",
		"; l'erreur de repli, {error} ({status}), est ce que l'API envoie pour toute erreur que cette page ne nomme pas ; sa section est marquée **Repli**"},
	{"handling_request_id", "Every error response carries the id of its request in the {header} header: the id the request carried in that header, or one the service gave it. Quote it when contacting support.",
		"Jede Fehlerantwort trägt die Kennung ihrer Anfrage im Header {header}: die Kennung, die die Anfrage in diesem Header mitbrachte, oder eine, die der Dienst ihr gab. Geben Sie sie an, wenn Sie den Support kontaktieren.",
		"Chaque réponse d'erreur porte l'identifiant de sa requête dans l'en-tête {header} : celui que la requête portait dans cet en-tête, ou celui que le service lui a donné. Indiquez-le si vous contactez le support."},
	{"handling_request_id_body", "Every error response carries the id of its request in the {header} header and in the body: the id the request carried in that header, or one the service gave it. Quote it when contacting support.",
		"Jede Fehlerantwort trägt die Kennung ihrer Anfrage im Header {header} und im Body: die Kennung, die die Anfrage in diesem Header mitbrachte, oder eine, die der Dienst ihr gab. Geben Sie sie an, wenn Sie den Support kontaktieren.",
		"Chaque réponse d'erreur porte l'identifiant de sa requête dans l'en-tête {header} et dans le corps : celui que la requête portait dans cet en-tête, ou celui que le service lui a donné. Indiquez-le si vous contactez le support."},
	{"reference_heading", "Error codes", "Fehlercodes", "Codes d'erreur"},
	{"code", "Code", "Code", "Code"},
	{"status", "Status", "Status", "Statut"},
	{"deprecated", "Deprecated", "Veraltet", "Obsolète"},
	{"replaced_by", "Replaced by", "Ersetzt durch", "Remplacé par"},
	{"since", "Since", "Seit", "Depuis"},
	{"fallback", "Fallback", "Ersatzfehler", "Repli"},
	{"fallback_note", "the API sends this error for any error this page does not name.", "die API sendet diesen Fehler für jeden Fehler, den diese Seite nicht nennt.", "l'API envoie cette erreur pour toute erreur que cette page ne nomme pas."},
	{"title", "Title", "Titel", "Titre"},
	{"message", "Message", "Meldung", "Message"},
	{"retry", "Retry", "Wiederholen", "Réessayer"},
	{"yes", "yes", "ja", "oui"},
	{"no", "no", "nein", "non"},
	{"retry_after_compact", "after `Retry-After`", "nach `Retry-After`", "après `Retry-After`"},
	{"retry_backoff_compact", "with backoff", "mit wachsendem Abstand", "avec un délai croissant"},
	{"retry_no", "Do not retry without changing the request.", "Nicht wiederholen, ohne die Anfrage zu ändern.", "Ne pas réessayer sans modifier la requête."},
	{"retry_yes", "Safe to retry.", "Kann gefahrlos wiederholt werden.", "Peut être réessayé sans risque."},
	{"retry_wait", "Wait at least the number of seconds in the `Retry-After` header first.", "Warten Sie vorher mindestens so viele Sekunden, wie der Header `Retry-After` angibt.", "Attendez d'abord au moins le nombre de secondes indiqué par l'en-tête `Retry-After`."},
	{"retry_backoff", "Back off exponentially between attempts.", "Verlängern Sie den Abstand zwischen den Versuchen exponentiell.", "Espacez les tentatives de façon exponentielle."},
	{"reason", "Reason", "Grund", "Raison"},
	{"domain", "Domain", "Domäne", "Domaine"},
	{"example_response", "Example response", "Beispielantwort", "Exemple de réponse"},
	{"details", "Details", "Details", "Détails"},
	{"name", "Name", "Name", "Nom"},
	{"required", "Required", "Pflicht", "Obligatoire"},
	{"example", "Example", "Beispiel", "Exemple"},
	{"allowed_values", "Allowed values of {detail}", "Zulässige Werte von {detail}", "Valeurs autorisées de {detail}"},
	{"value", "Value", "Wert", "Valeur"},
	{"enum_summary", "One of the allowed values below.", "Einer der unten aufgeführten zulässigen Werte.", "L'une des valeurs autorisées ci-dessous."},
	{"fields_of", "Fields of {path}", "Felder von {path}", "Champs de {path}"},
	{"each_object", "(each object)", "(jedes Objekt)", "(chaque objet)"},
	{"causes", "Common causes", "Häufige Ursachen", "Causes fréquentes"},
	{"remediation", "How to fix", "Behebung", "Comment corriger"},
	{"troubleshooting", "Troubleshooting", "Fehlersuche", "Dépannage"},
	{"check", "Check", "Prüfen", "Vérification"},
	{"solution", "Solution", "Lösung", "Solution"},
	{"help", "Help", "Hilfe", "Aide"},
	{"permalink", "Permalink", "Permalink", "Lien permanent"},
	{"retired_heading", "Retired codes", "Stillgelegte Codes", "Codes retirés"},
	{"retired_intro", "These codes are no longer sent, and never will be with another meaning: a client may keep handling them, and no new error takes them.",
		"Diese Codes werden nicht mehr gesendet, und nie wieder mit anderer Bedeutung: ein Client darf sie weiter behandeln, und kein neuer Fehler übernimmt sie.",
		"Ces codes ne sont plus envoyés, et ne le seront jamais avec un autre sens : un client peut continuer à les traiter, et aucune nouvelle erreur ne les reprend."},
	{"providers_heading", "Provider-specific issues", "Anbieterspezifische Probleme", "Problèmes propres aux fournisseurs"},
	{"error", "Error", "Fehler", "Erreur"},
	{"cause", "Cause", "Ursache", "Cause"},
	{"fix", "Fix", "Lösung", "Correctif"},
	{"section", "section", "Abschnitt", "section"},
	// The page's punctuation around its words and the catalog's texts,
	// which differs by language: Japanese writes "ステータス：" and
	// "タイトル、メッセージ", French a space before a colon, as the French
	// words above do in their sentences ("Voici le corps de {error} :").
	// That space is a plain one: escapeWord makes a no-break space plain,
	// as any space, and wrapProse never starts a line with a colon.
	{"label", "{label}:", "{label}:", "{label} :"},
	{"sentence", "{sentence}.", "{sentence}.", "{sentence}."},
	{"list_separator", ", ", ", ", ", "},
	// Two of the page's texts side by side (a sentence and the next, a
	// title and its aside), and an aside: Japanese and Chinese put no space
	// between sentences and write full-width parentheses ("（2）"). A word,
	// not a bare space, as a translation file's blank word is no word.
	{"word_space", "{before} {after}", "{before} {after}", "{before} {after}"},
	{"parenthesized", "({text})", "({text})", "({text})"},
}

// separatorKey is the word the page puts between the items of a list,
// whose spaces at either end are part of it (", " but "、"): escape keeps
// one there.
const separatorKey = "list_separator"

// bundledLanguages are the languages wordTable has a column for, besides
// English.
var bundledLanguages = []string{"de", "fr"}

// bundled is a row's word in a bundled language; "" for another.
func (w wordRow) bundled(lang string) string {
	switch lang {
	case "en":
		return w.en
	case "de":
		return w.de
	case "fr":
		return w.fr
	}
	return ""
}

// words is a page's own words in its language, by key, escaped (escapeWord):
// what templates receive as .Words.
type words map[string]string

// labelled is s, Markdown the page made, as the label word sets it before
// what it introduces: "Status:", "Statut :", "ステータス：".
func (w words) labelled(s string) string { return fill(w["label"], "label", s) }

// ended is s, Markdown the page made, ended as the sentence word ends a
// sentence: "Deprecated.", "非推奨。".
func (w words) ended(s string) string { return fill(w["sentence"], "sentence", s) }

// sentence is catalog text s, inline, ended as the sentence word ends a
// sentence, unless it ends with punctuation of its own (endsPunctuated).
func (w words) sentence(s string) string {
	s = inline(s)
	if s == "" || endsPunctuated(s) {
		return s
	}
	return w.ended(s)
}

// label is catalog text s, inline, as the label word sets a label, unless
// it ends with punctuation of its own: a check asked as a question, which
// a colon after would double ("Did it change?:").
func (w words) label(s string) string {
	s = inline(s)
	if s == "" || endsPunctuated(s) {
		return s
	}
	return w.labelled(s)
}

// endsPunctuated reports whether s ends with a full stop, a question or
// exclamation mark or a colon, ASCII or full-width: a Japanese text ending
// with 。 took a "." after it.
func endsPunctuated(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".?!:。．｡？！：", r)
}

// spaced is before and after, Markdown the page made, side by side as the
// word_space word sets them: "Safe to retry. Back off…", "再試行できます。間隔を…".
func (w words) spaced(before, after string) string {
	return fill(w["word_space"], "before", before, "after", after)
}

// parenthesized is s, Markdown the page made, as an aside: "(2)", "（2）".
func (w words) parenthesized(s string) string { return fill(w["parenthesized"], "text", s) }

// wordsIn is the page's words in lang, escaped.
func wordsIn(c *catalog.Catalog, lang string) words {
	w := make(words, len(wordTable))
	for _, row := range wordTable {
		w[row.key] = row.escape(wordIn(c, lang, row))
	}
	return w
}

// escape is escapeWord for row's word s, but that the list separator
// keeps a space at the end that has any.
func (w wordRow) escape(s string) string {
	e := escapeWord(s)
	if w.key != separatorKey || e == "" {
		return e
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		e = " " + e
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		e += " "
	}
	return e
}

// wordIn is one of the page's words in lang, as written: the catalog's
// (from lang's translation file, or for the catalog's own language, the
// page: of its file) where it gives one, else inheritedWord, else English.
func wordIn(c *catalog.Catalog, lang string, row wordRow) string {
	return cmp.Or(catalogWord(c, lang, row), row.en)
}

// catalogWord is wordIn's word short of its last resort: lang's file's,
// else inheritedWord; "" where the page reads English.
func catalogWord(c *catalog.Catalog, lang string, row wordRow) string {
	return cmp.Or(givenWord(c.Translations[lang], row.key), inheritedWord(c, lang, row))
}

// givenWord is t's word for key, or "" when t is nil or gives none, or
// only spaces: those escape to nothing, and a page took the blank word
// over the next in line, printing a heading of nothing (**:**).
func givenWord(t *catalog.Translation, key string) string {
	if t == nil || strings.TrimSpace(t.Words[key]) == "" {
		return ""
	}
	return t.Words[key]
}

// inheritedWord is row's word for lang that lang's own file need not give:
// the word the file of a shorter tag of lang gives, the nearest first as
// RFC 4647's lookup takes them (es.yaml's, or the own language's page:,
// for es-MX; zh-Hant.yaml's, then zh.yaml's, for zh-Hant-TW), as a page in
// that language reads it, and as the catalog's texts are inherited
// (catalog.Catalog.Inherited); else the bundled word of lang or of a
// shorter tag (de for de-CH). "" for none: the page reads English. A
// regional file so gives only the words that differ, as it does for a
// bundled language.
func inheritedWord(c *catalog.Catalog, lang string, row wordRow) string {
	shorter := catalog.ShorterTags(lang)
	for _, tag := range shorter {
		if w := givenWord(c.Translations[tag], row.key); w != "" {
			return w
		}
	}
	if w := row.bundled(strings.ToLower(lang)); w != "" {
		return w
	}
	for _, tag := range shorter {
		if w := row.bundled(strings.ToLower(tag)); w != "" {
			return w
		}
	}
	return ""
}

// escapeWord makes a word safe wherever the page puts it: on one line, in
// a heading, a table cell or a sentence. Its spaces are collapsed, and it
// is escaped as cell escapes catalog text but that no break is left to
// become <br>; the start of a line is escaped as inline escapes it. The
// bundled words are their own escapes (TestBundledWordsNeedNoEscapes).
func escapeWord(s string) string {
	return escapeBlockStart(escapeInline(strings.Join(strings.Fields(s), " "), brBreaks))
}

// fill is a word with each {name} placeholder replaced by its value:
// Markdown the page made, inserted as it is. pairs are name, value, ….
func fill(word string, pairs ...string) string {
	if !strings.Contains(word, "{") {
		return word
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(word, '{')
		end := strings.IndexByte(word[open+1:], '}')
		if open < 0 || end < 0 {
			break
		}
		name := word[open+1 : open+1+end]
		v, ok := lookupPair(pairs, name)
		b.WriteString(word[:open])
		if ok {
			b.WriteString(v)
		} else {
			b.WriteString(word[open : open+2+end])
		}
		word = word[open+2+end:]
	}
	b.WriteString(word)
	return b.String()
}

func lookupPair(pairs []string, name string) (string, bool) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == name {
			return pairs[i+1], true
		}
	}
	return "", false
}

// placeholders lists the {name}s of a word, in order.
func placeholders(word string) []string {
	var names []string
	for {
		open := strings.IndexByte(word, '{')
		if open < 0 {
			return names
		}
		end := strings.IndexByte(word[open+1:], '}')
		if end < 0 {
			return names
		}
		names = append(names, word[open+1:open+1+end])
		word = word[open+2+end:]
	}
}
