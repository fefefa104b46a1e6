// Renders each Markdown page named on the command line as a GitHub-style
// renderer does: markdown-it (CommonMark with HTML) and markdown-it-anchor
// giving every heading the id github-slugger derives from its text, the
// way GitHub does. Prints one JSON object per page: its file and every id
// of the HTML, in order (headings' and the pages' own <a id> anchors).
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import GithubSlugger from "github-slugger";

for (const file of process.argv.slice(2)) {
  const slugger = new GithubSlugger();
  const md = new MarkdownIt({ html: true }).use(anchor, {
    slugify: (s) => slugger.slug(s),
  });
  const html = md.render(readFileSync(file, "utf8"));
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  console.log(JSON.stringify({ file, ids }));
}
