package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// docExts are the files Init takes for policy documents and moves into
// 政策文件/ (the ones parse cannot read get its advice there).
var docExts = map[string]bool{".txt": true, ".docx": true, ".html": true, ".htm": true, ".doc": true, ".wps": true, ".pdf": true}

// IsDocument reports whether name looks like a policy document.
func IsDocument(name string) bool { return docExts[strings.ToLower(filepath.Ext(name))] }

// Created is what Init made.
type Created struct {
	Workspace  *Workspace
	KeyCreated bool          // false when root already had a key
	Moved      []string      // documents moved from root into 政策文件/, by name
	Current    period.Period // the period whose folder was made
}

// Init makes root a workspace: taizhang.yaml (configText, which must
// load), 政策文件/, the signing key, the current period's folder with 填报表/
// and 报送/, and 年度/. root may be missing, empty, or hold only policy
// documents (moved into 政策文件/), a 政策文件/ folder and hidden files; an
// existing taizhang.yaml is never overwritten.
func Init(root string, configText []byte, now time.Time) (*Created, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	cfgPath := filepath.Join(abs, config.FileName)
	cfg, err := config.Load(cfgPath, configText)
	if err != nil {
		return nil, fmt.Errorf("new workspace configuration: %w", err)
	}
	docs, err := checkEmpty(abs)
	if err != nil {
		return nil, err
	}
	w := &Workspace{Root: abs, Config: cfg}
	c := &Created{Workspace: w, Current: w.Opening(now)}
	for _, d := range []string{w.DocsDir(), w.AnnualDir(), w.TemplatesDir(c.Current), w.ReturnsDir(c.Current)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, &Error{Path: d, Msg: "无法创建目录：" + err.Error()}
		}
	}
	for _, name := range docs {
		if err := os.Rename(filepath.Join(abs, name), filepath.Join(w.DocsDir(), name)); err != nil {
			return nil, &Error{Path: filepath.Join(abs, name), Msg: "无法移入 " + DocsName + "/：" + err.Error()}
		}
		c.Moved = append(c.Moved, name)
	}
	if _, c.KeyCreated, err = Secret(abs, true); err != nil {
		return nil, err
	}
	// The configuration comes last: a folder with it is a workspace.
	f, err := os.OpenFile(cfgPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, &Error{Path: cfgPath, Msg: "已存在，未覆盖"}
	}
	if err != nil {
		return nil, &Error{Path: cfgPath, Msg: "无法写入：" + err.Error()}
	}
	_, werr := f.Write(configText)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(cfgPath)
		return nil, fmt.Errorf("write %s: %w", cfgPath, werr)
	}
	return c, nil
}

// ignored are files a folder may hold without being in use.
var ignored = map[string]bool{"desktop.ini": true, "thumbs.db": true}

// checkEmpty makes sure root can become a workspace and returns the policy
// documents in it.
func checkEmpty(root string) (docs []string, err error) {
	entries, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		if info, serr := os.Stat(root); serr == nil && !info.IsDir() {
			return nil, &Error{Path: root, Msg: "已存在同名文件，不能作为工作目录"}
		}
		return nil, &Error{Path: root, Msg: "无法读取目录：" + err.Error()}
	}
	var other []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == config.FileName:
			return nil, &Error{Path: filepath.Join(root, name), Msg: "已存在，未覆盖：该目录已是台账工作目录（或请换一个目录）"}
		case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || ignored[strings.ToLower(name)]:
		case name == DocsName && e.IsDir():
		case !e.IsDir() && IsDocument(name):
			if _, err := os.Stat(filepath.Join(root, DocsName, name)); err == nil {
				return nil, &Error{Path: filepath.Join(root, name), Msg: DocsName + "/ 中已有同名文件，无法移入：请先改名"}
			}
			docs = append(docs, name)
		default:
			other = append(other, name)
		}
	}
	if len(other) > 0 {
		sort.Strings(other)
		shown := other
		if len(shown) > 5 {
			shown = shown[:5]
		}
		return nil, &Error{Path: root, Msg: fmt.Sprintf("目录不是空的（有 %s 等 %d 项）：工作目录只能建在新目录、空目录或只放了政策文件的目录中", strings.Join(shown, "、"), len(other))}
	}
	sort.Strings(docs)
	return docs, nil
}

// Create is Init with the commented default taizhang.yaml for organisation,
// year (0: the year of now) and cycle (月、季度 or 半年). A cycle or year
// that cannot be is a usage error; now zero is the clock.
func Create(root, organisation string, year int, cycle string, now time.Time) (*Created, error) {
	if _, ok := config.ParseCycle(cycle); !ok {
		return nil, &inputerr.Usage{Msg: fmt.Sprintf("无法识别报送周期“%s”：--cycle 应为 月、季度 或 半年", cycle)}
	}
	if year != 0 && (year < 1990 || year > 2100) {
		return nil, &inputerr.Usage{Msg: fmt.Sprintf("考核年度 %d 超出范围：--year 应为 1990–2100 之间的年份", year)}
	}
	if now.IsZero() {
		now = time.Now()
	}
	if year == 0 {
		year = now.Year()
	}
	text, err := config.NewFile(organisation, year, cycle)
	if err != nil {
		return nil, err
	}
	return Init(root, text, now)
}

// Entry is one thing a new workspace holds: its name and, for the office,
// what it is for.
type Entry struct {
	Name, About string
}

// Layout is what Init made, in the order the office meets it.
func (c *Created) Layout() []Entry {
	cur := c.Current.String()
	key := "办公室签名密钥：请备份，切勿随填报表或配置文件外发"
	if !c.KeyCreated {
		key = "沿用目录中已有的签名密钥"
	}
	return []Entry{
		{config.FileName, "配置：单位名单和别名、集体称谓展开、亮灯和考核规则、字体（用记事本编辑，内有说明）"},
		{DocsName + "/", "放入要分解的政策文件（.docx、.txt、.html，或 Excel 任务分解表）"},
		{cur + "/", "本期：" + TemplatesName + "/（下发的填报表）、" + ReturnsName + "/（收回的报送）"},
		{AnnualName + "/", "年度考核报告等"},
		{filepath.Join(Dir, "secret.key"), key},
	}
}

// NextSteps are what the office does next, from filling in the
// configuration to the first report; dir is the workspace as the user
// named it. Putting the documents in is left out when Init moved them.
func (c *Created) NextSteps(dir string) []string {
	cur := c.Current.String()
	steps := []string{
		"在 taizhang.yaml 中填写机关名称、单位名单和别名（可选）",
		"把政策文件放入 " + DocsName + "/",
		"cd " + dir + " 后运行 taizhang parse，生成 " + TaskListName,
		"打开 " + TaskListName + "，核对并补全牵头单位、配合单位和完成时限",
		"taizhang templates：生成本期（" + cur + "）填报表，发给各单位",
		"把收回的报送文件放入 " + cur + "/" + ReturnsName + "/，随时运行 taizhang status 查看谁已报送、谁未报",
		"taizhang merge：汇总本期总台账；taizhang report：生成本期报告",
	}
	if len(c.Moved) > 0 {
		steps = append(steps[:1], steps[2:]...)
	}
	return steps
}
