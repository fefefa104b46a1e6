package catalogtest

import (
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
)

// Split turns a single-file catalog into a root with include: [errors/*.yaml]
// and its errors in n files of consecutive errors, named so that the
// glob's order is the catalog's: the split catalog whose single-file twin
// is data. It returns the files by slash-separated name, the root as
// catalog.yaml, and the twin written as the parts are, as single.yaml.
func Split(data []byte, n int) (map[string][]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the catalog is not a mapping") // FuzzSplitTwin's inputs
	}
	top := doc.Content[0]
	i := keyIndex(top, "errors")
	if i < 0 {
		return nil, fmt.Errorf("the catalog has no errors")
	}
	files := map[string][]byte{}
	twin, err := yaml.Marshal(&doc)
	if err != nil {
		return nil, err
	}
	files["single.yaml"] = twin
	items := top.Content[i+1].Content
	top.Content[i].Value = "include"
	top.Content[i+1] = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{scalar("errors/*.yaml")}}
	root, err := yaml.Marshal(&doc)
	if err != nil {
		return nil, err
	}
	files["catalog.yaml"] = root
	per := (len(items) + n - 1) / n
	for f := 0; f < n && f*per < len(items); f++ {
		part := items[f*per : min((f+1)*per, len(items))]
		file := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{scalar("errors"), {Kind: yaml.SequenceNode, Content: part}}}
		out, err := yaml.Marshal(file)
		if err != nil {
			return nil, err
		}
		files[fmt.Sprintf("errors/part%04d.yaml", f)] = out
	}
	return files, nil
}

// Concatenate returns the single-file twin of a split catalog, loaded: its
// root with the include list replaced by the errors of the files it
// includes, in order, each with its file's category unless it has its own.
func Concatenate(c *catalog.Catalog) ([]byte, error) {
	var root yaml.Node
	if err := unmarshalFile(c.Files[0], &root); err != nil {
		return nil, err
	}
	top := root.Content[0]
	if i := keyIndex(top, "include"); i >= 0 {
		top.Content = append(top.Content[:i], top.Content[i+2:]...)
	}
	i := keyIndex(top, "errors")
	if i < 0 {
		top.Content = append(top.Content, scalar("errors"), &yaml.Node{Kind: yaml.SequenceNode})
		i = len(top.Content) - 2
	}
	list := top.Content[i+1]
	for _, path := range c.Files[1:] {
		var doc yaml.Node
		if err := unmarshalFile(path, &doc); err != nil {
			return nil, err
		}
		file := doc.Content[0]
		var category *yaml.Node
		if j := keyIndex(file, "category"); j >= 0 {
			category = file.Content[j+1]
		}
		for _, item := range file.Content[keyIndex(file, "errors")+1].Content {
			if category != nil && keyIndex(item, "category") < 0 {
				item.Content = append(item.Content, scalar("category"), category)
			}
			list.Content = append(list.Content, item)
		}
	}
	return yaml.Marshal(&root)
}

func unmarshalFile(path string, n *yaml.Node) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return yaml.Unmarshal(data, n)
}

// keyIndex is the index of key in a mapping's Content, or -1.
func keyIndex(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
