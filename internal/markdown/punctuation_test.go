package markdown

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
	"github.com/errgen/errgen/internal/nodetools"
)

// japaneseCatalog is the languages catalog served in Japanese, whose page
// words set the page's punctuation too (label, sentence, list_separator).
const japaneseCatalog = "testdata/japanese/catalog.yaml"

// TestPunctuationWords: the page's punctuation around its words and lists
// is the label, sentence and list_separator words', the compact layout's
// catalog texts run together included: Japanese full-width on the
// Japanese page (a text ending with 。 takes no "." after it), a space
// before the colon on the bundled French one, English and German as they
// were; in both layouts, the anchors and error headings those of the
// English page.
func TestPunctuationWords(t *testing.T) {
	for _, tc := range []struct {
		catalog, lang, layout string
		want                  []string
		not                   []string
	}{
		{languagesCatalog, "", catalog.LayoutFull, []string{
			"Languages: English ·", "**Status:** 401 Unauthorized · **Title:** Not signed in",
			"**Deprecated.** The order is not valid.", "**Deprecated:** Validation moves to the checkout. Replaced by", "[`ORDER_CONFLICT`](#order-conflict). **Status:** 422",
			"**Allowed values of `format`:**", "**gRPC:** `UNAUTHENTICATED`",
		}, nil},
		{languagesCatalog, "de", catalog.LayoutFull, []string{
			"Sprachen: [English](errors.md)", "**Status:** 401", "**Veraltet.** ",
			"**Noch nicht übersetzt:** Titel, Meldung, Beschreibung, Häufige Ursachen, Abhilfe ([English](errors.md#order-conflict)).",
		}, nil},
		{languagesCatalog, "fr", catalog.LayoutFull, []string{
			"Langues : [English](errors.md)", "**Statut :** 401 Unauthorized · **Titre :** Non connecté",
			"**Obsolète.** ", "**Obsolète :** La validation", "**Valeurs autorisées de `format` :**", "**gRPC :** `UNAUTHENTICATED`",
			"**Champs de `problems` (chaque objet) :**",
		}, []string{"**Statut:**", "Langues:"}},
		{languagesCatalog, "fr", catalog.LayoutCompact, []string{"**Réessayer :** oui, après `Retry-After`"}, []string{"Réessayer:**", "Statut:**"}},
		{languagesCatalog, "", catalog.LayoutCompact, []string{"**Troubleshooting:** *The ISBN has 13 digits:* Convert an ISBN-10 first.", "**Retry:** yes, after `Retry-After`"}, nil},
		{japaneseCatalog, "ja", catalog.LayoutFull, []string{
			"言語： [English](errors.md) · 日本語", "**ステータス：** 401 Unauthorized · **タイトル：** サインインしていません",
			"**未翻訳：** タイトル、メッセージ、説明、よくある原因、対処法（[English](errors.md#order-conflict)）。",
			"**非推奨。** 注文が無効です。", "**非推奨：** 検証は購入手続きに移ります。置き換え先 [`ORDER_CONFLICT`](#order-conflict)。",
			"**`format` の取りうる値：**", "**`problems` のフィールド（各オブジェクト）：**", "**gRPC：** `UNAUTHENTICATED`",
			"**レスポンスの例：**", "**よくある原因：**", "**パーマリンク：** <https://",
			"**再試行：** 安全に再試行できます。まず `Retry-After` ヘッダーの秒数以上待ってください。",
			"**再試行：** 安全に再試行できます。試行の間隔を指数的に空けてください。",
			"が使います。[`BOOK_NOT_FOUND`](#book-not-found) の本文の例：", "| エラーの種類を示す URI。 |", "| このエラーの発生を示す URI。空なら省かれます。 |",
			"メンバーで分岐してください。`application/json`（2） の本文では",
			"[`INTERNAL_ERROR`](#internal-error)（500）は",
		}, []string{":**", ".**", "タイトル, ", " ([", "(2) の", " （"}},
		{japaneseCatalog, "ja", catalog.LayoutCompact, []string{
			"**再試行：** はい、`Retry-After` の後", "**再試行：** いいえ",
			"**よくある原因：** ISBN の入力ミス。", "**対処法：** ISBN のチェックディジットを確認する。",
			"**トラブルシューティング：** *ISBN が 13 桁：* 先に ISBN-10 を変換する。",
			"**よくある原因：** Authorization ヘッダーがありません。トークンの期限が切れています。",
			"**トラブルシューティング：** *ISBN が 13 桁：* 先に ISBN-10 を変換する。*フォーマットが正しい：* 版を確かめる。",
		}, []string{":**", ".**", "はい, ", "。.", "：:", " ([", "(2) の", " （"}},
	} {
		t.Run(tc.lang+"-"+tc.layout, func(t *testing.T) {
			c, err := catalog.Load(tc.catalog, Rules)
			if err != nil {
				t.Fatal(err)
			}
			c.Docs.Layout = tc.layout
			pages := mustPages(t, c, nil, "")
			i := slices.IndexFunc(pages, func(p Page) bool { return p.Language == tc.lang })
			flat := strings.Join(strings.Fields(string(pages[i].Data)), " ")
			for _, w := range tc.want {
				if !strings.Contains(flat, w) {
					t.Errorf("%s has no %q", pages[i].Name, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(flat, w) {
					t.Errorf("%s has %q", pages[i].Name, w)
				}
			}
			if tc.lang == "ja" { // no space after a full stop but at a cell's end
				if m := regexp.MustCompile("。 [^|]").FindString(string(pages[i].Data)); m != "" {
					t.Errorf("%s has a space after 。: %q", pages[i].Name, m)
				}
			}
			var docs []*markdowntest.Doc
			if tc.layout == catalog.LayoutFull {
				docs = checkPages(t, c, pages)
			} else { // checkPages wants an example body for every error
				for _, p := range pages {
					docs = append(docs, markdowntest.Parse(t, p.Data))
				}
			}
			if !slices.Equal(docs[i].AnchorIDs, docs[0].AnchorIDs) {
				t.Errorf("%s: anchors %q, want the default page's %q", pages[i].Name, docs[i].AnchorIDs, docs[0].AnchorIDs)
			}
			if got, want := errorHeadings(docs[i]), errorHeadings(docs[0]); !slices.Equal(got, want) {
				t.Errorf("%s: error headings %q, want the default page's %q", pages[i].Name, got, want)
			}
		})
	}
}

// TestPunctuationMarkdownlint runs markdownlint-cli2, pinned in .ci/npm,
// with its default configuration, on the Japanese and French pages in
// both layouts: a full-width colon before the closing ** and the space
// after it, or a space before a colon, keep the labels bold and the lines
// within the limits.
func TestPunctuationMarkdownlint(t *testing.T) {
	lint := nodetools.Bin(t, "markdownlint-cli2")
	dir := t.TempDir()
	var names []string
	for _, path := range []string{japaneseCatalog, languagesCatalog} {
		for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
			c, err := catalog.Load(path, Rules)
			if err != nil {
				t.Fatal(err)
			}
			c.Docs.Layout = layout
			for _, p := range mustPages(t, c, nil, "") {
				if p.Language != "ja" && p.Language != "fr" {
					continue
				}
				name := p.Language + "-" + layout + ".md"
				if err := os.WriteFile(filepath.Join(dir, name), p.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				names = append(names, name)
			}
		}
	}
	if len(names) != 4 {
		t.Fatalf("pages %q, want a ja and a fr page in each layout", names)
	}
	cmd := exec.Command(lint, names...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("markdownlint-cli2 with its default configuration: %v\n%s", err, out)
	}
}

// The Japanese page's bold labels render as bold: a closing ** after a
// full-width colon is right-flanking only when a space follows it, which
// the page writes after the label word.
func TestPunctuationLabelsBold(t *testing.T) {
	c, err := catalog.Load(japaneseCatalog, Rules)
	if err != nil {
		t.Fatal(err)
	}
	ja := mustPages(t, c, nil, "")[1]
	var out bytes.Buffer
	if err := reader.Convert(ja.Data, &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{"<strong>ステータス：</strong> 401", "<strong>非推奨。</strong> 注文が無効です。", "<strong>`format` の取りうる値：</strong>"} {
		want = strings.ReplaceAll(want, "`format`", "<code>format</code>")
		if !strings.Contains(html, want) {
			t.Errorf("%s renders no %q", ja.Name, want)
		}
	}
}

// The compact Japanese page's troubleshooting checks, run together with no
// space between them, render in italics: a * after 。 opens one, and the
// space the page keeps after a check's closing * lets it close.
func TestPunctuationCompactChecksItalic(t *testing.T) {
	c, err := catalog.Load(japaneseCatalog, Rules)
	if err != nil {
		t.Fatal(err)
	}
	c.Docs.Layout = catalog.LayoutCompact
	ja := mustPages(t, c, nil, "")[1]
	var out bytes.Buffer
	if err := reader.Convert(ja.Data, &out); err != nil {
		t.Fatal(err)
	}
	want := "<em>ISBN が 13 桁：</em> 先に ISBN-10 を変換する。<em>フォーマットが正しい：</em> 版を確かめる。"
	if !strings.Contains(strings.Join(strings.Fields(out.String()), " "), want) {
		t.Errorf("%s renders no %q", ja.Name, want)
	}
}
