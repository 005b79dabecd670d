package serve

import (
	"net/http"
	"os"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/intake"
)

// officeReturns is how many returns the office page's benchmark has in
// 报送/: a round of a city's units.
const officeReturns = 50

// BenchmarkOfficePage times a view of the office page with 50 returns
// received: the first by a server just started, and one repeated with
// nothing changed since.
func BenchmarkOfficePage(b *testing.B) {
	s := testServer(b)
	files := intake.Spreadsheets(s.WS.ReturnsDir(s.Period))
	if len(files) < officeReturns {
		b.Fatalf("only %d demo returns", len(files))
	}
	for _, f := range files[officeReturns:] {
		os.Remove(f)
	}
	path := officePath(b, s)
	view := func(s *Server) {
		if w := get(s, path, false); w.Code != http.StatusOK {
			b.Fatalf("office page: %d", w.Code)
		}
	}
	b.Run("first", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			started, err := New(s.Options)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			view(started)
		}
	})
	b.Run("repeat", func(b *testing.B) {
		view(s)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			view(s)
		}
	})
}
