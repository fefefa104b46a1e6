package translate

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// wholeList reports whether the source texts of have, a free list
// (causes, remediation) of a stale entry, are to be shown as today's whole
// list, want, in one block above its first item rather than one above each
// item: when the lists' lengths differ, a translated item matches no
// source item (one sentence may have become two, or two one), and each
// item's comment brought up to date by position would show the wrong
// text, or leave today's further items unseen; and when the block is
// there already (only the first of several items carries errgen's
// comment, holding several source texts), so that it stays whole once the
// translator has matched the lengths. A flow list holds no comments.
func wholeList(want, have *yaml.Node, first string) bool {
	if have.Style&yaml.FlowStyle != 0 || len(have.Content) == 0 {
		return false
	}
	if len(want.Content) != len(have.Content) {
		return true
	}
	commented := commentedItems(have, first)
	return len(commented) == 1 && strings.Count("\n"+commented[0].HeadComment, "\n"+first) > 1
}

// refreshWholeList writes the source texts of want, today's list, as one
// block above the first item of have that carries errgen's comment (the
// translator's items stay as they are, byte for byte), and takes errgen's
// comments above the other items out: they name texts by a position that
// no longer holds. A list whose comments the translator took out gets
// none.
func (u *updater) refreshWholeList(have, want *yaml.Node, first string) {
	commented := commentedItems(have, first)
	if len(commented) == 0 {
		return
	}
	texts := make([]string, 0, len(want.Content))
	for _, item := range want.Content {
		texts = append(texts, item.HeadComment) // enComment's, as list wrote it
	}
	u.adds.ReplaceComment(commented[0], first, strings.Join(texts, "\n"))
	for _, item := range commented[1:] {
		u.adds.ReplaceComment(item, first, "")
	}
}

// commentedItems are the items of list with one of errgen's source texts
// (a line opening with first) in the comment above them.
func commentedItems(list *yaml.Node, first string) []*yaml.Node {
	var items []*yaml.Node
	for _, item := range list.Content {
		if strings.Contains("\n"+item.HeadComment, "\n"+first) {
			items = append(items, item)
		}
	}
	return items
}
