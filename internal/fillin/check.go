package fillin

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"

	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Level is how serious a finding is.
type Level string

const (
	// LevelError means the return cannot be used as it is.
	LevelError Level = "error"
	// LevelWarning means the return is usable but something should be
	// followed up with the unit.
	LevelWarning Level = "warning"
	// LevelInfo says how a value was understood.
	LevelInfo Level = "info"
)

// Label is the level's Chinese name.
func (l Level) Label() string {
	switch l {
	case LevelError:
		return "错误"
	case LevelWarning:
		return "警告"
	}
	return "说明"
}

// Finding is one thing Check noticed in a return.
type Finding struct {
	Level  Level  `json:"level"`
	File   string `json:"file"`
	Sheet  string `json:"sheet,omitempty"`
	Cell   string `json:"cell,omitempty"` // "H7", or "7" for a whole row
	TaskID string `json:"task_id,omitempty"`
	Msg    string `json:"message"`
}

// String renders the finding for a terminal: 文件：工作表“填报表”第 7 行 H 列：….
func (f Finding) String() string {
	return fmt.Sprintf("[%s] %s：%s", f.Level.Label(), f.File, f.Detail())
}

// Detail is the finding without its level and file, for a list that is
// already grouped by file: 工作表“填报表”第 7 行 H 列：….
func (f Finding) Detail() string {
	if f.Sheet == "" {
		return f.Msg
	}
	return fmt.Sprintf("工作表“%s”%s：%s", f.Sheet, cells.Place(f.Cell), f.Msg)
}

// Entry is one task row of a return, as the unit filled it in.
type Entry struct {
	TaskID       string   `json:"task_id"`
	Label        string   `json:"label"`
	Role         Role     `json:"role"`
	Row          int      `json:"row"` // sheet row
	Progress     string   `json:"progress"`
	Percent      *float64 `json:"percent"`
	Status       Status   `json:"status"`
	StatusRaw    string   `json:"status_raw"`
	Current      string   `json:"current"`
	CurrentValue *float64 `json:"current_value"`
	Problems     string   `json:"problems"`
	NextSteps    string   `json:"next_steps"`
	Evidence     string   `json:"evidence"`
	Remark       string   `json:"remark"`
}

// Header is the header block of a return. Date is YYYY-MM-DD, or empty
// when the cell is empty, cannot be read as a date or holds a date no
// return of its period can have (a warning then names the cell).
type Header struct {
	Filler   string `json:"filler"`
	Phone    string `json:"phone"`
	Reviewer string `json:"reviewer"`
	Date     string `json:"date"`
}

// Return is one checked workbook. Unit, Period (a period key such as
// 2024-Q4) and Version come from the workbook's own metadata, never from its
// file name.
type Return struct {
	File     string    `json:"file"`
	Unit     string    `json:"unit"`
	Period   string    `json:"period"`
	Version  string    `json:"version"`
	Header   Header    `json:"header"`
	Entries  []Entry   `json:"entries"`
	Findings []Finding `json:"findings"`
}

// Usable reports whether the return has no errors.
func (r *Return) Usable() bool {
	errs, _ := r.Counts()
	return errs == 0
}

// Counts are how many of the return's findings are errors and warnings.
func (r *Return) Counts() (errs, warns int) {
	for _, f := range r.Findings {
		switch f.Level {
		case LevelError:
			errs++
		case LevelWarning:
			warns++
		}
	}
	return errs, warns
}

// CheckOptions say what a return is checked against.
type CheckOptions struct {
	Tasks  *task.Set      // the current task list; nil skips the comparison
	Index  *Index         // Tasks prepared once for many checks; built from Tasks when nil
	Period *period.Period // expected period, nil = any
	Secret []byte         // the workspace key the workbooks were signed with
	Unit   string         // expected unit, "" = any
}

// catchPanics turns a panic while reading into an error finding. The fuzz
// test turns it off to see panics in this package.
var catchPanics = true

// Check reads one returned workbook (its bytes) and reports what it found.
// name is the file name used in messages. Check never modifies data and is
// safe for concurrent use.
func Check(name string, data []byte, opts CheckOptions) *Return {
	r := &Return{File: name}
	c := &checker{r: r, opts: opts}
	if catchPanics {
		defer func() {
			if p := recover(); p != nil {
				c.add(LevelError, "", "", "", fmt.Sprintf("读取文件时出现内部错误（%v），请把此文件提供给 taizhang 的维护人员", p))
			}
		}()
	}
	c.run(data)
	r.compact(c.knownID)
	if r.Entries == nil {
		r.Entries = []Entry{}
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	return r
}

// MaxReturnSize bounds the size of a return file read from disk: a fill-in
// workbook is a few hundred kilobytes.
const MaxReturnSize = 50 << 20

// maxUnzip caps what a return may unpack to: a fill-in workbook is a few
// hundred kilobytes, so anything near this is not one.
const maxUnzip = 64 << 20

type checker struct {
	r    *Return
	opts CheckOptions
	b    *book
	m    meta
}

func (c *checker) add(level Level, sheet, cell, taskID, msg string) {
	c.r.Findings = append(c.r.Findings, Finding{Level: level, File: c.r.File, Sheet: sheet, Cell: cell, TaskID: taskID, Msg: msg})
}

// knownID is the task list's own string of task ID id, if it has the task.
func (c *checker) knownID(id string) (string, bool) {
	if c.opts.Tasks == nil {
		return "", false
	}
	if t := c.index().tasks[id]; t != nil {
		return t.ID, true
	}
	return "", false
}

func (c *checker) fileErr(msg string) { c.add(LevelError, "", "", "", msg) }

func (c *checker) run(data []byte) {
	if msg := sniff(c.r.File, data); msg != "" {
		c.fileErr(msg)
		return
	}
	b, err := openBook(data)
	if err != nil {
		c.fileErr(openError(err))
		return
	}
	c.b = b
	if !c.readMeta() {
		return
	}
	c.checkIdentity()
	exp := c.expected()
	fm := c.locateForm()
	if fm == nil {
		return
	}
	c.checkForm(fm, exp)
}

// sniff recognises files that are not .xlsx workbooks before excelize
// tries to open them.
func sniff(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	ole := bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	switch {
	case len(data) == 0:
		return "文件是空的（0 字节），请重新报送"
	case ole && bytes.Contains(data, utf16("EncryptionInfo")):
		return "文件设置了打开密码，无法读取：请取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx 重新报送"
	case ole, !bytes.HasPrefix(data, []byte("PK\x03\x04")) && (ext == ".xls" || ext == ".et" || ext == ".ett"):
		// Content decides: an .xls the caller converted to .xlsx is
		// checked under its original name.
		return fmt.Sprintf("这是 %s 格式的文件，不能直接核验：请另存为 .xlsx（Excel 工作簿）后重新报送", cmpExt(ext, ole))
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "不是 .xlsx 工作簿（文件内容不是 Excel 格式），请用下发的填报表填写并另存为 .xlsx"
	}
	return ""
}

func cmpExt(ext string, ole bool) string {
	if ext == ".xls" || ext == ".et" || ext == ".ett" || !ole {
		return ext
	}
	return ".xls"
}

func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func openError(err error) string {
	switch {
	case errors.Is(err, errTooLarge):
		return fmt.Sprintf("文件过大（解压后超过 %d MB），不像是填报表，未读取：请使用下发的填报表填写后报送", maxUnzip>>20)
	case errors.Is(err, errNoWorkbook):
		return "文件已损坏或不是 .xlsx 工作簿，无法打开（缺少工作簿主体部分）：请重新保存为 .xlsx 后报送"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return "文件已损坏或不是 .xlsx 工作簿，无法打开（压缩包格式有误，可能传输不完整）：请重新保存为 .xlsx 后报送"
	}
	return fmt.Sprintf("文件已损坏或不是 .xlsx 工作簿，无法打开（%v）：请重新保存为 .xlsx 后报送", err)
}

// readMeta finds the workbook's metadata; false means it is not one of our
// workbooks and nothing more can be checked.
func (c *checker) readMeta() bool {
	var sheetMeta meta
	haveSheet := false
	for _, s := range c.b.sheets {
		if s.name != SheetMeta && squeeze(s.name) != SheetMeta {
			continue
		}
		sd, err := c.b.readSheet(s.part)
		if errors.Is(err, errTooLarge) {
			c.fileErr(openError(err))
			return false
		}
		if err == nil {
			rows, _ := sd.values(8)
			sheetMeta, haveSheet = readMetaSheet(rows)
		}
		break
	}
	propMeta, haveProps := readMetaProps(c.b)
	switch {
	case !haveSheet && !haveProps:
		c.fileErr("找不到 taizhang 的核验信息：这不是 taizhang 生成的填报表，或内容被复制到了新建的文件中。请使用下发的填报表填写后报送")
		return false
	case !haveSheet:
		c.m = propMeta
		c.add(LevelWarning, "", "", "", "隐藏的核验工作表“"+SheetMeta+"”已被删除，已按文档属性中的备份核验；请提醒填报单位使用下发的原始文件")
	default:
		c.m = sheetMeta
		c.m.fromProps = haveProps
		if c.m.keyID == "" {
			c.m.keyID = propMeta.keyID
		}
		if haveProps && (propMeta.unit != sheetMeta.unit || propMeta.period != sheetMeta.period || propMeta.signature != sheetMeta.signature) {
			c.fileErr(fmt.Sprintf("文件中的两处核验信息不一致（核验工作表：%s %s；文档属性：%s %s），可能拼接了其他单位或其他期次的表格：请使用本单位本期下发的填报表",
				sheetMeta.unit, sheetMeta.period, propMeta.unit, propMeta.period))
			return false
		}
	}
	c.r.Version, c.r.Unit, c.r.Period = c.m.version, c.m.unit, c.m.period
	if c.m.version != Version {
		c.fileErr(fmt.Sprintf("填报表的格式版本为 %s，本程序只能核验 %s：请用相应版本的 taizhang 核验，或重新下发填报表", c.m.version, Version))
		return false
	}
	return true
}

// checkIdentity compares the workbook's unit and period with what the
// office is collecting.
func (c *checker) checkIdentity() {
	if p := c.opts.Period; p != nil && c.m.period != p.Key() {
		label := c.m.period
		if q, err := period.Parse(c.m.period); err == nil {
			label = q.String()
		}
		c.fileErr(fmt.Sprintf("这是 %s 的填报表，本次收取的是 %s：请使用本期下发的填报表", label, p.String()))
	}
	if u := strings.TrimSpace(c.opts.Unit); u != "" && c.m.unit != u {
		c.fileErr(fmt.Sprintf("这是“%s”的填报表，不是“%s”的：请核对报送单位", c.m.unit, u))
	}
	if c.opts.Tasks == nil || strings.Contains(c.r.File, c.m.unit) {
		return
	}
	for _, u := range c.index().units {
		if u != c.m.unit && len([]rune(u)) >= 3 && strings.Contains(filepath.Base(c.r.File), u) {
			c.add(LevelWarning, "", "", "", fmt.Sprintf("文件名像是“%s”的填报表，但表内核验信息为“%s”：已按“%s”的报送读取，请核实是否报错了文件", u, c.m.unit, c.m.unit))
			return
		}
	}
}

// Index is a task list prepared for checking: who has which tasks, and every
// task by ID. Building it walks the whole list, so a batch of returns
// shares one (CheckOptions.Index).
type Index struct {
	units  []string
	byUnit map[string]Assignment
	tasks  map[string]*task.Task
}

// lockedOf is the locked content of each of unit's items, by task ID:
// ItemValues with the document names as MultiDoc says and the other way.
// It is worked out for each return, not kept for the unit: a round has
// about one return a unit, and keeping them grew with the units checked.
func (idx *Index) lockedOf(unit string) map[string][2]RowValues {
	a := idx.byUnit[unit]
	multi := MultiDoc(a)
	v := make(map[string][2]RowValues, len(a.Items))
	for _, it := range a.Items {
		v[it.Task.ID] = [2]RowValues{ItemValues(it, unit, multi), ItemValues(it, unit, !multi)}
	}
	return v
}

// NewIndex prepares set for checking.
func NewIndex(set *task.Set) *Index {
	idx := &Index{byUnit: map[string]Assignment{}, tasks: map[string]*task.Task{}}
	if set == nil {
		return idx
	}
	units, _ := Assign(set)
	for _, a := range units {
		idx.units = append(idx.units, a.Unit)
		idx.byUnit[a.Unit] = a
	}
	for _, d := range set.Documents {
		for _, t := range d.Tasks {
			idx.tasks[t.ID] = t
		}
	}
	return idx
}

func (c *checker) index() *Index {
	if c.opts.Index == nil {
		c.opts.Index = NewIndex(c.opts.Tasks)
	}
	return c.opts.Index
}
