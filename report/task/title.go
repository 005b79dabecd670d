package task

import "strings"

// ShortTitle is a document's short name: the name inside the first 《》 of
// its title when the title has one, else the title as it is.
func ShortTitle(title string) string {
	if i := strings.Index(title, "《"); i >= 0 {
		if j := strings.Index(title[i:], "》"); j > 0 {
			return title[i+len("《") : i+j]
		}
	}
	return title
}
