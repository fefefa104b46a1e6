package augment

import (
	"bytes"
	"strings"
	"testing"
)

// replacedSpec has an operation with its own 410, which --force replaces
// with errgen's for GONE_AWAY.
const replacedSpec = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      x-errors: [GONE_AWAY]\n      responses:\n        '200': {description: OK}\n        '410': {description: mine}\n"

// A response --force wrote in place of the author's stays when x-errors no
// longer lists a code of its status (the author's is gone), and so does
// the response of errgen's it refers to: before, errgen took that out and
// the run failed on the dangling $ref, blaming the input ("the input spec
// is not valid (before errgen changed anything)") and suggesting
// --allow-invalid-spec. One referring to a response errgen no longer
// writes (the status's codes all retired) is a problem at the part.
func TestAugmentReplacedPartUnplanned(t *testing.T) {
	v1, v2 := loadRerunCatalog(t, "catalog-v1.yaml"), loadRerunCatalog(t, "catalog-v2.yaml")
	forced, _, err := Augment(v1, []byte(replacedSpec), "api.yaml", Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(forced), "'replaced:") {
		t.Fatalf("--force replaced nothing:\n%s", forced)
	}
	unlisted := bytes.Replace(forced, []byte("x-errors: [GONE_AWAY]"), []byte("x-errors: []"), 1)
	out, _, err := Augment(v1, unlisted, "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	loadValidOpenAPI(t, out)
	for _, kept := range []string{"'410': {\"$ref\": \"#/components/responses/Gone\"}", "    Gone:\n", "    GoneBody:\n"} {
		if !strings.Contains(string(out), kept) {
			t.Errorf("the output lacks %q:\n%s", kept, out)
		}
	}
	if again, _, err := Augment(v1, out, "api.yaml", Options{}); err != nil || !bytes.Equal(again, out) {
		t.Errorf("augmenting the output again changes it (err %v)", err)
	}
	_, _, err = Augment(v2, unlisted, "api.yaml", Options{})
	want := `api.yaml:12:9: GET /a: response 410 is what --force wrote in place of the author's, and refers to a response errgen no longer writes: write the operation's own response 410 there and delete "410" from its x-errgen marker, or delete both`
	if err == nil || err.Error() != want {
		t.Errorf("the status's codes retired: err\n%v\nwant\n%s", err, want)
	}
}

// An author who adds a response at a status errgen attached repeats its
// key: the duplicate's message says which of the two is errgen's, the
// one its marker's hash names, and how to keep one.
func TestAugmentDuplicateOfErrgens(t *testing.T) {
	_, out1 := augmentedV1(t)
	edited := strings.Replace(string(out1), "        '201':\n          description: Created\n", "        '201':\n          description: Created\n        '401':\n          description: ours\n", 1)
	_, _, err := Augment(loadRerunCatalog(t, "catalog-v1.yaml"), []byte(edited), "api.yaml", Options{})
	want := `api.yaml:18:9: the input spec is not valid (before errgen changed anything): duplicate key "401" (first at 14:9); remove one of them: readers disagree on which counts, so errgen cannot augment the spec, even with --allow-invalid-spec (POST /items: the one at 18:9 is errgen's, as its x-errgen marker says: delete yours, or errgen's and "401" from the marker)`
	if err == nil || err.Error() != want {
		t.Errorf("err\n%v\nwant\n%s", err, want)
	}
}
