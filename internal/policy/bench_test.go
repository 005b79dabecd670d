package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/docread"
)

func readSeeds(b *testing.B) []*docread.Document {
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no seeds")
	}
	var docs []*docread.Document
	for _, p := range files {
		d, err := docread.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkParseSeeds parses all five seeds (target: well under 50 ms).
func BenchmarkParseSeeds(b *testing.B) {
	docs := readSeeds(b)
	cfg := loadConfig(b, "")
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Parse(d, cfg)
		}
	}
}

// BenchmarkParseLarge parses one document of about 2 MB, 8 MB and 50 MB
// made of the seeds one after another (target: under 1 s for 2 MB; time
// and memory growing linearly, so 50 MB within 25× the 2 MB figures).
func BenchmarkParseLarge(b *testing.B) {
	for _, mb := range []int{2, 8, 50} {
		b.Run(itoa(mb)+"MB", func(b *testing.B) {
			var text strings.Builder
			files, _ := filepath.Glob("../../seeds/*.txt")
			for text.Len() < mb<<20 {
				for _, p := range files {
					data, err := os.ReadFile(p)
					if err != nil {
						b.Fatal(err)
					}
					text.Write(data)
					text.WriteString("\n")
				}
			}
			d, err := docread.Read("large.txt", strings.NewReader(text.String()))
			if err != nil {
				b.Fatal(err)
			}
			cfg := loadConfig(b, "")
			b.SetBytes(int64(text.Len()))
			b.ReportAllocs()
			for b.Loop() {
				Parse(d, cfg)
			}
		})
	}
}
