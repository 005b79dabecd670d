package serve

import (
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// LinksName is the workbook of the units' links in the period's folder,
// for the office to paste each unit its own.
const LinksName = "报送链接.xlsx"

const linksSheet = "报送链接"

// WrittenLinks is what WriteLinks did.
type WrittenLinks struct {
	Path   string
	Backup string // where the earlier, different one was kept; "" for none
	Same   bool   // the one there already had these links: left as it is
}

// WriteLinks writes 报送链接.xlsx (单位 | 链接 | 截止日期, one row per unit
// with tasks) into the period's folder through a temporary file. An
// earlier one with other links (a revocation since) is backed up first;
// one with the same links is left alone.
func (s *Server) WriteLinks() (*WrittenLinks, error) {
	rows := [][]string{{"单位", "链接", "截止日期"}}
	due := ""
	if !s.Due.IsZero() {
		due = period.ChineseDate(s.Due)
	}
	urls, err := s.unitURLs()
	if err != nil {
		return nil, err
	}
	for _, a := range s.tasks().units {
		rows = append(rows, []string{a.Unit, urls(a.Unit), due})
	}
	path := filepath.Join(s.WS.PeriodDir(s.Period), LinksName)
	wl := &WrittenLinks{Path: path}
	if old, err := readLinks(path); err == nil {
		if slices.EqualFunc(old, rows, slices.Equal) {
			wl.Same = true
			return wl, nil
		}
		if wl.Backup, err = outfile.Backup(path); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return wl, cells.WriteFileAtomic(path, func(w io.Writer) error { return linksBook(w, rows) })
}

func linksBook(w io.Writer, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", linksSheet); err != nil {
		return err
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(linksSheet, cell, &row); err != nil {
			return err
		}
	}
	f.SetColWidth(linksSheet, "A", "A", 30)
	f.SetColWidth(linksSheet, "B", "B", 70)
	f.SetColWidth(linksSheet, "C", "C", 16)
	return f.Write(w)
}

func readLinks(path string) ([][]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetRows(linksSheet)
}

// Revoke stops unit's link (the office page's for OfficeName) and returns
// the new one: its counter goes up, which changes its token. A unit's new
// link goes into 报送链接.xlsx too; the audit log notes the revocation.
func (s *Server) Revoke(unit string) (string, error) {
	units := s.tasks().units
	if unit != OfficeName && !slices.ContainsFunc(units, func(a fillin.Assignment) bool { return a.Unit == unit }) {
		var names []string
		for _, a := range units {
			names = append(names, a.Unit)
		}
		return "", &inputerr.Usage{Msg: "任务分解表中没有单位“" + unit + "”" + inputerr.Hint("", unit, names)}
	}
	link, err := s.renew(unit)
	if err != nil {
		return "", err
	}
	return link, s.audit.add(s.Now(), auditEntry{Unit: unit, Action: actRevoke, Result: "已停用原链接，生成新链接", Remote: "本机"})
}

// renew raises the counter of unit's (or the office's) link and returns the
// new link.
func (s *Server) renew(unit string) (string, error) {
	if unit == OfficeName {
		if err := s.counters.bump(""); err != nil {
			return "", err
		}
		return s.OfficeURL()
	}
	if err := s.counters.bump(unit); err != nil {
		return "", err
	}
	if _, err := s.WriteLinks(); err != nil {
		return "", err
	}
	return s.UnitURL(unit)
}
