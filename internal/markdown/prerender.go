package markdown

import (
	"runtime"
	"sync"
	"text/template"
)

// prerender renders errorTemplate for every error when the page is the
// bundled one, the errors shared out among the cores, each worker on a copy
// of set bound to a part function of its own. The page then takes these from
// the cache instead of rendering them in turn; an error that fails here is
// rendered again, in turn, so that the page reports the failure the
// sequential run meets first. BenchmarkPrerender measures the gain.
func prerender(set *template.Template, errs []*errorData) map[*errorData]string {
	if set.Lookup(errorTemplate) == nil || len(errs) < 2 || !bundledPage(set) {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), len(errs))
	rendered := make([]string, len(errs))
	ok := make([]bool, len(errs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			clone, err := set.Clone()
			if err != nil {
				return
			}
			part := partFunc(clone, nil)
			clone.Funcs(template.FuncMap{"part": part})
			for i := w; i < len(errs); i += workers {
				if s, err := part(errorTemplate, errs[i]); err == nil {
					rendered[i], ok[i] = s, true
				}
			}
		})
	}
	wg.Wait()
	cache := make(map[*errorData]string, len(errs))
	for i, e := range errs {
		if ok[i] {
			cache[e] = rendered[i]
		}
	}
	return cache
}

// bundledPage reports whether set renders the page with the bundled
// page.tmpl, which renders error.tmpl once for every error: an override may
// not, and then rendering them all up front could be wasted.
func bundledPage(set *template.Template) bool {
	base, err := bundled()
	root := set.Lookup(rootTemplate)
	return err == nil && root != nil && root.Tree == base.tmpl.Lookup(rootTemplate).Tree
}
