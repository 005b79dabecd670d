package fillin_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// formSheetPath is where the 填报表 sheet lives in a generated workbook.
const formSheetPath = "xl/worksheets/sheet2.xml"

var (
	fuzzOnce sync.Once
	fuzzBase []byte // a filled-in return
)

// replaceEntry returns the workbook b with one zip entry replaced.
func replaceEntry(t testing.TB, b []byte, name string, content []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			w.Write(content)
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, r)
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// FuzzCheck feeds fillin.Check whole files (inputs starting with "PK") and, to get
// past the zip layer, the XML of the 填报表 sheet spliced into a generated
// return. fillin.Check must never panic. Run it with a short -fuzzminimizetime:
// minimizing a 30 KB workbook takes the default minute per new input.
//
//	go test -run XXX -fuzz FuzzCheck -fuzztime 60s -fuzzminimizetime 5s ./internal/fillin/
func FuzzCheck(f *testing.F) {
	fillin.SetCatchPanics(false)
	defer fillin.SetCatchPanics(true)
	fuzzOnce.Do(func() {
		_, wb := formtest.Filled(f)
		fuzzBase = testkit.SaveBytes(f, wb)
	})
	sheet := []byte(testkit.ZipEntry(f, fuzzBase, formSheetPath))
	if !strings.Contains(string(sheet), "<sheetData>") {
		f.Fatalf("%s is not the form sheet", formSheetPath)
	}
	f.Add(fuzzBase)
	f.Add(fuzzBase[:len(fuzzBase)/2])
	f.Add(sheet)
	s := string(sheet)
	for _, v := range []string{
		strings.Replace(s, "<sheetData>", `<sheetData><row r="1048576"><c r="XFD1048576" t="s"><v>99999</v></c></row>`, 1),
		strings.Replace(s, `<mergeCells count="2">`, `<mergeCells count="3"><mergeCell ref="G5:XFD1048576"/>`, 1),
		strings.Replace(s, `t="s"`, `t="n"`, -1),
		strings.Replace(s, `r="H5"`, `r="H5"><f>1/0</f`, 1),
		strings.Replace(s, "<v>", "<v>-", -1),
		strings.Replace(s, "<v>", "<v>1E+308", -1),
		strings.Replace(s, "<v>", "<v>NaN", -1),
		strings.ReplaceAll(s, `r="`, `r="A`),
		"<worksheet/>",
		"",
	} {
		f.Add([]byte(v))
	}
	p := formtest.Period()
	opts := fillin.CheckOptions{Tasks: formtest.Set(), Period: &p, Secret: formtest.Secret, Unit: "市科技局"}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := data
		if !bytes.HasPrefix(data, []byte("PK")) {
			in = replaceEntry(t, fuzzBase, formSheetPath, data)
		}
		r := fillin.Check("fuzz.xlsx", in, opts)
		if r == nil || r.Entries == nil || r.Findings == nil {
			t.Fatal("fillin.Check returned nil parts")
		}
		if len(r.Entries) > 4 {
			t.Fatalf("%d entries from a 4-task workbook", len(r.Entries))
		}
		for _, fd := range r.Findings {
			if fd.Msg == "" || fd.Level.Label() == "" {
				t.Fatalf("empty finding %+v", fd)
			}
		}
		// check --json and the ledger encode every result.
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("result cannot be encoded: %v", err)
		}
	})
}
