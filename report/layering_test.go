package report

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/taizhang-dev/taizhang"

// layerViolations says which imports cross the layers backwards: the
// command sits on top, then serve/ (the web front end, which only the
// command imports), then report/ (what the office reads; its round
// issues the workbooks templates/ writes), then templates/ (what the units
// receive, which never reaches report/), then internal/ (the pipeline's
// stages), which never reaches up. Test-only packages never reach the
// binary.
func layerViolations(imports map[string][]string) []string {
	var bad []string
	for pkg, deps := range imports {
		for _, d := range deps {
			if !strings.HasPrefix(d, module+"/") {
				continue
			}
			switch {
			case strings.HasPrefix(d, module+"/cmd/"):
				bad = append(bad, pkg+" imports the command "+d)
			case under(d, "serve") && !under(pkg, "serve") && !strings.HasPrefix(pkg, module+"/cmd/"):
				bad = append(bad, pkg+" imports "+d+": only the command sits above serve/")
			case under(pkg, "internal") && (under(d, "report") || under(d, "templates")):
				bad = append(bad, pkg+" (a stage) imports "+d+", a layer above it")
			case under(pkg, "templates") && under(d, "report"):
				bad = append(bad, pkg+" imports "+d+": templates/ sits below report/")
			}
		}
	}
	return bad
}

func under(pkg, top string) bool {
	return strings.HasPrefix(pkg, module+"/"+top+"/") || pkg == module+"/"+top
}

// testOnly are packages that exist for tests; the binary must not link them.
var testOnly = []string{"/internal/testkit", "/pdfcheck", "/docxcheck", "/templates/form/formtest", "/internal/sample/samplefix"}

// TestLayering reads the imports of every package of the module (tests
// left out) and fails on an import that crosses the layers backwards, or on
// a test-only package in the binary.
func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}:{{join .Imports \" \"}}", module+"/...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(line, ":")
		imports[pkg] = strings.Fields(deps)
	}
	if len(imports) < 10 {
		t.Fatalf("go list found only %d packages", len(imports))
	}
	for _, v := range layerViolations(imports) {
		t.Error(v)
	}
	deps, err := exec.Command("go", "list", "-deps", module+"/cmd/taizhang").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range strings.Fields(string(deps)) {
		for _, suffix := range testOnly {
			if strings.HasPrefix(d, module+"/") && strings.Contains(d, suffix) {
				t.Errorf("the binary links %s, a package for tests only", d)
			}
		}
	}
}

// The check fails on a backward import: shown on a made-up module.
func TestLayeringCatchesBackwardImports(t *testing.T) {
	imports := map[string][]string{
		module + "/internal/ledger":   {module + "/report/ledgerbook"},
		module + "/report/ledgerbook": {module + "/internal/ledger", module + "/cmd/taizhang"},
		module + "/internal/fillin":   {module + "/internal/task", module + "/templates/form"},
		module + "/templates/form":    {module + "/internal/fillin", module + "/report/bulletin"},
		module + "/report/round":      {module + "/serve"},
		module + "/serve":             {module + "/report/round"},
		module + "/cmd/taizhang":      {module + "/report/ledgerbook", module + "/templates/form", module + "/serve"},
	}
	got := layerViolations(imports)
	if len(got) != 5 {
		t.Errorf("violations %q; want the stages importing report/ and templates/, report/ importing cmd/ and serve/, templates/ importing report/", got)
	}
}
