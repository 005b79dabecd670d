package fillin

import (
	"fmt"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// matchRows pairs each content row of the sheet with an expected row, by
// the hidden ID column or, without it, by 序号 and content. It returns the
// expected rows (built from the sheet when nothing else says what to
// expect) and whether rows were missing, added or repeated.
func (c *checker) matchRows(fm *form, exp []*expRow) ([]*expRow, bool) {
	bad := false
	byID := map[string]*expRow{}
	for _, e := range exp {
		byID[e.id] = e
	}
	guess := !c.m.fromSheet && c.opts.Tasks == nil
	if guess {
		c.add(LevelWarning, fm.sheet, "", "", "缺少核验工作表且未提供任务分解表，无法核对是否缺少任务行")
	}
	byContent := false
	for i := fm.header + 1; i < len(fm.rows); i++ {
		if fm.blank(i) {
			continue
		}
		rowNum := fm.nums[i]
		rowRef := fmt.Sprint(rowNum)
		id := cellText(fm.value(i, ColID))
		if guess && id != "" && byID[id] == nil {
			e := &expRow{id: id, label: cellText(fm.value(i, ColLabel)), role: Role(cellText(fm.value(i, ColRole))), row: -1}
			exp = append(exp, e)
			byID[id] = e
		}
		var e *expRow
		switch {
		case id != "":
			e = byID[id]
			if e == nil {
				bad = true
				c.add(LevelError, fm.sheet, rowRef, id, fmt.Sprintf("第 %d 行的任务编号“%s”不是本表下发的任务：填报表不能增加行，补充情况请写在相关任务的备注中", rowNum, cells.TruncateRunes(id, 40)))
				continue
			}
		default:
			e = matchContent(fm, i, exp)
			if e == nil {
				bad = true
				c.add(LevelError, fm.sheet, rowRef, "", fmt.Sprintf("第 %d 行是新增的行（找不到对应的任务）：填报表不能增加行，补充情况请写在相关任务的备注中", rowNum))
				continue
			}
			byContent = true
		}
		if e.row >= 0 {
			bad = true
			c.add(LevelError, fm.sheet, rowRef, e.id, fmt.Sprintf("第 %d 行与第 %d 行是同一项任务（序号 %s）：请删除重复的行，把内容合并到一行", rowNum, fm.nums[e.row], e.label))
			continue
		}
		e.row = i
	}
	if byContent && fm.cols[ColID] >= 0 {
		c.add(LevelWarning, fm.sheet, "", "", "部分行的任务编号为空，已按序号和任务内容对应")
	}
	prev, sorted := -1, false
	for _, e := range exp {
		switch {
		case e.row < 0:
			bad = true
			c.add(LevelError, fm.sheet, "", e.id, fmt.Sprintf("缺少序号 %s 的任务行（任务编号 %s），可能被删除：填报表不能删除行，请使用下发的填报表填写", e.label, e.id))
		case e.row < prev:
			sorted = true
		default:
			prev = e.row
		}
	}
	if sorted {
		c.add(LevelInfo, fm.sheet, "", "", "任务行的顺序与下发时不同（可能排过序），已按任务编号对应，不影响读取")
	}
	return exp, bad
}

// matchContent finds the expected row for a row without ID by its 序号 and,
// if several rows share it, its content.
func matchContent(fm *form, i int, exp []*expRow) *expRow {
	v := fm.lockedValues(i)
	label := squeeze(v[0])
	var cands []*expRow
	for _, e := range exp {
		if e.row < 0 && squeeze(e.label) == label {
			cands = append(cands, e)
		}
	}
	same := func(e *expRow) bool {
		return e.want != nil && e.want[1] == v[1] || e.hash != "" && RowHash(SignedRow{e.id, v}) == e.hash
	}
	if len(cands) > 1 {
		var keep []*expRow
		for _, e := range cands {
			if same(e) {
				keep = append(keep, e)
			}
		}
		cands = keep
	}
	if len(cands) == 0 {
		for _, e := range exp {
			if e.row < 0 && same(e) {
				cands = append(cands, e)
			}
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return nil
}

// checkLocked compares the task columns with the task list and checks the
// signature. A row that still matches its hash in the hidden sheet (or a
// valid signature) is as issued, so a difference from the task list means
// the office changed the task list since: a warning, not an error.
func (c *checker) checkLocked(fm *form, exp []*expRow, structural bool) {
	secret := c.opts.Secret
	var rows []SignedRow
	values := map[*expRow]RowValues{}
	for _, e := range exp {
		if e.row >= 0 {
			v := fm.lockedValues(e.row)
			values[e] = v
			rows = append(rows, SignedRow{e.id, v})
		}
	}
	computable := !structural && c.m.signature != "" && len(secret) > 0
	sigOK := computable && validSignature(c.m.signature, Signature(secret, c.m.unit, c.m.period, rows))
	switch {
	case len(secret) == 0:
		c.add(LevelWarning, "", "", "", "未提供签名密钥，未核验签名")
	case c.m.signature == "":
		c.fileErr("核验信息中缺少签名：请使用下发的填报表填写")
	}
	edited := false
	for _, e := range exp {
		if e.row < 0 {
			continue
		}
		v := values[e]
		intact := e.hash != "" && RowHash(SignedRow{e.id, v}) == e.hash
		if e.want == nil {
			if !sigOK && !intact && e.hash != "" && len(secret) > 0 {
				edited = true
				c.add(LevelError, fm.sheet, fmt.Sprint(fm.nums[e.row]), e.id, fmt.Sprintf("序号 %s：任务信息与下发时不一致（被修改过）：任务信息列不能修改，请使用下发的填报表填写", e.label))
			}
			continue
		}
		want := e.want
		if e.alt != nil && e.alt[1] == v[1] && want[1] != v[1] {
			want = e.alt
		}
		for j, col := range LockedCols {
			if fm.cols[col] < 0 || v[j] == want[j] {
				continue
			}
			name := Columns[col].Header
			gotQ, wantQ := diffQuote(v[j], want[j])
			switch {
			case sigOK || intact && !computable:
				// As issued: the office changed the task list since.
				c.add(LevelWarning, fm.sheet, fm.cell(e.row, col), e.id, fmt.Sprintf("序号 %s：任务分解表在下发后修改了“%s”（表内：%s；现为：%s），本表按下发时的内容填报", e.label, name, gotQ, wantQ))
			case !intact:
				edited = true
				c.add(LevelError, fm.sheet, fm.cell(e.row, col), e.id, fmt.Sprintf("序号 %s：“%s”被修改（表内：%s；应为：%s）：任务信息列不能修改，请使用下发的填报表填写", e.label, name, gotQ, wantQ))
			}
			// Otherwise the row is as issued but the signature fails: the
			// error below says so once.
		}
	}
	if computable && !sigOK {
		c.signatureError(edited)
	}
}

// signatureError says why the signature fails. The key ID in the workbook
// tells a workbook signed with another key — the office's key was lost and
// made anew, or the workbook came from another workspace; nothing the unit
// did — from one edited after it was issued. Workbooks written before key
// IDs cannot tell.
func (c *checker) signatureError(edited bool) {
	ours := KeyID(c.opts.Secret)
	switch {
	case c.m.keyID != "" && c.m.keyID != ours:
		c.fileErr(fmt.Sprintf("签名密钥不符：本表是用另一把签名密钥生成的（表内密钥编号 %s，当前使用的办公室密钥编号 %s），"+
			"不是填报单位修改造成的。常见原因：生成填报表后工作目录的 .taizhang/secret.key 丢失或被重新生成，或本表来自另一个工作目录。"+
			"请从备份（或生成填报表时所用的目录）找回编号为 %s 的密钥文件 secret.key，放回工作目录的 .taizhang/ 后重新核验；"+
			"找不回时，请用现在的密钥重新生成填报表并请该单位重新填报", c.m.keyID, ours, c.m.keyID))
	case edited:
		// The rows that changed are named already.
	case c.m.keyID == ours:
		c.fileErr("签名不符：签名密钥相同，但表内的任务信息或核验信息与下发时不一致（被修改过）：请使用下发的原始填报表填写")
	default:
		c.fileErr("签名不符：表内的任务信息或核验信息与下发时不一致（被修改过，或不是用本办公室的签名密钥生成的）：请使用下发的原始填报表填写")
	}
}

// quote shows a cell value in a message, shortened.
func quote(s string) string {
	if s == "" {
		return "（空）"
	}
	return "“" + cells.TruncateRunes(strings.ReplaceAll(s, "\n", " "), 30) + "”"
}

// diffQuote quotes two different values from a little before where they
// start to differ, so a change at the end of a long text shows.
func diffQuote(a, b string) (string, string) {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	if n <= 12 || a == "" || b == "" {
		return quote(a), quote(b)
	}
	from := n - 8
	return "“…" + strings.TrimPrefix(quote(string(ra[from:])), "“"), "“…" + strings.TrimPrefix(quote(string(rb[from:])), "“")
}
