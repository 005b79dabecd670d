package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// writeDocx writes a minimal Word document: paragraphs, then a table.
func writeDocx(t *testing.T, path string, paras []string, table [][]string) {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&body, `<w:p><w:r><w:t>%s</w:t></w:r></w:p>`, p)
	}
	body.WriteString(`<w:tbl>`)
	for _, row := range table {
		body.WriteString(`<w:tr>`)
		for _, c := range row {
			fmt.Fprintf(&body, `<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>`, c)
		}
		body.WriteString(`</w:tr>`)
	}
	body.WriteString(`</w:tbl>`)
	data := testkit.Zip(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	})
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func parseJSON(t *testing.T, path string) *task.Document {
	t.Helper()
	return parseSet(t, path).Documents[0]
}

// parseSet runs parse --json with args and reads the tasks it printed.
func parseSet(t *testing.T, args ...string) *task.Set {
	t.Helper()
	code, out, errOut := runCmd(t, append(append([]string{"parse"}, args...), "--json")...)
	if code != exitOK {
		t.Fatalf("parse %v: exit %d: %s", args, code, errOut)
	}
	var set task.Set
	if err := json.Unmarshal([]byte(out), &set); err != nil {
		t.Fatal(err)
	}
	return &set
}

func TestParseDocxTaskTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "分解方案.docx")
	writeDocx(t, path,
		[]string{"关于印发2024年重点工作任务分解方案的通知", "X政办发〔2024〕5号", "附件"},
		[][]string{
			{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"},
			{"一、科技创新", "一、科技创新", "一、科技创新", "一、科技创新", "一、科技创新"},
			{"1", "新增高新技术企业50家以上", "市科技局", "市财政局、税务局", "2024年12月底前"},
			{"2", "建成市级孵化器3个", "市科技局", "各县（市、区）人民政府", "2024年6月底前"},
		})
	d := parseJSON(t, path)
	if d.DocNumber != "X政办发〔2024〕5号" {
		t.Errorf("doc_number = %q", d.DocNumber)
	}
	var got [][]string
	for _, tk := range d.Tasks {
		if tk.Kind == task.KindTask {
			got = append(got, []string{tk.Label(), strings.Join(tk.Lead, "、"), strings.Join(tk.Co, "、"), tk.Deadline.Date})
		}
	}
	want := [][]string{
		{"一1", "市科技局", "市财政局、市税务局", "2024-12-31"},
		{"一2", "市科技局", "各县（市、区）人民政府", "2024-06-30"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tasks from the Word table = %v; want %v", got, want)
	}
}

// A task table sent as a workbook is parsed into a task list, which is
// never written over the workbook read.
func TestParseWorkbookTaskTable(t *testing.T) {
	dir := t.TempDir()
	book := testkit.SaveFile(t, dir, "分解表.xlsx", taskWorkbook(t))
	before := testkit.FileHash(t, book)
	out := filepath.Join(dir, "任务分解表.xlsx")
	if code, _, errOut := runCmd(t, "parse", book, "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	back, err := tasklist.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tk := back.Documents[0].Tasks[0]
	if back.Documents[0].Title != "重点任务分解表" || tk.Label() != "1" || strings.Join(tk.Lead, "") != "市大数据局" || strings.Join(tk.Co, "") != "市财政局" || tk.Deadline.Date != "2024-09-30" {
		t.Errorf("task from the workbook: %+v", tk)
	}
	code, _, errOut := runCmd(t, "parse", book, "-o", book)
	if code != exitInput || testkit.FileHash(t, book) != before {
		t.Errorf("parse -o its own input: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "parse", out, "--json"); code != exitInput || !strings.Contains(errOut, "不需要再分解") {
		t.Errorf("parse of its own task list: exit %d, %s", code, errOut)
	}
}

// taskWorkbook is a task table as a city sends it: a merged title row,
// then 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 with a date cell.
func taskWorkbook(t *testing.T) []byte {
	return testkit.Workbook(t, nil, testkit.Sheet{
		Name:   "任务",
		Rows:   [][]any{{"附件1：重点任务分解表"}, {"序号", "工作任务", "牵头单位", "配合单位", "完成时限"}, {1, "建设智慧城市平台", "市大数据局", "市财政局", 45565}},
		Merged: []string{"A1:E1"},
		Dates:  []string{"E3"},
	})
}

// An old-format task table (.xls from Excel 2003 or a system's export,
// .et from WPS) is converted by LibreOffice and read as the .xlsx; a file
// named .xls that holds no workbook is refused saying so.
func TestParseOldWorkbookTaskTable(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{"分解表.xls": {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0}, "分解表.ods": []byte("序号,工作任务\n")} {
		notBook := testkit.SaveFile(t, dir, name, data)
		if code, _, errOut := runCmd(t, "parse", notBook, "--json"); code != exitInput || !strings.Contains(errOut, name) || strings.Contains(errOut, "Word") || strings.Contains(errOut, "报送") {
			t.Errorf("parse of a broken %s: exit %d, %s", name, code, errOut)
		}
	}
	lotest.Skip(t)
	book := testkit.SaveFile(t, dir, "分解表.xlsx", taskWorkbook(t))
	for _, name := range []string{"分解表.xls", "分解表.et"} {
		old := filepath.Join(dir, name)
		if err := lotest.Edit(t, book, filepath.Join(dir, "旧.xls")); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(filepath.Join(dir, "旧.xls"), old); err != nil {
			t.Fatal(err)
		}
		if d := parseJSON(t, old); d.Source != name || len(d.Tasks) != 1 || strings.Join(d.Tasks[0].Lead, "") != "市大数据局" || d.Tasks[0].Deadline == nil || d.Tasks[0].Deadline.Date != "2024-09-30" {
			t.Errorf("%s: source %s, %d tasks", name, d.Source, len(d.Tasks))
		}
	}
}

// A workspace's 政策文件/ may hold a task table as a workbook beside the
// documents: parse reads it with them.
func TestWorkspaceParsesWorkbook(t *testing.T) {
	ws := newWorkspace(t, seed000)
	testkit.SaveFile(t, filepath.Join(ws, "政策文件"), "分解表.xlsx", taskWorkbook(t))
	set := parseSet(t, "--workspace", ws)
	if len(set.Documents) != 2 {
		t.Fatalf("documents read from 政策文件/: %d; want the text and the workbook", len(set.Documents))
	}
	if d := set.Documents[1]; d.Source != "分解表.xlsx" || len(d.Tasks) != 1 || strings.Join(d.Tasks[0].Lead, "") != "市大数据局" {
		t.Errorf("the workbook read from 政策文件/: %s, %d tasks", d.Source, len(d.Tasks))
	}
}

func TestParseHTMLPage(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于加快创新发展的实施意见_政策文件</title></head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="meta"><tr><td>索引号：</td><td>0001/2024-01</td><td>发布机构：</td><td>市政府办公室</td></tr>
<tr><td>文号：</td><td>X政发〔2024〕1号</td><td>成文日期：</td><td>2024年01月05日</td></tr></table>
<h1>关于加快创新发展的实施意见</h1>
<p>一、重点任务</p>
<p>1.培育创新企业。到2025年，高新技术企业超过300家。（责任单位：市科技局、财政局）</p>
<p>2.建设创新平台。（牵头单位：市发改委；配合单位：市科技局）</p>
<div class="foot">【打印本页】【关闭窗口】 版权所有：某某市人民政府 网站标识码：1234</div>
</body></html>`
	path := filepath.Join(t.TempDir(), "意见.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	d := parseJSON(t, path)
	if d.DocNumber != "X政发〔2024〕1号" || d.Date != "2024-01-05" {
		t.Errorf("metadata: doc_number %q date %q", d.DocNumber, d.Date)
	}
	m := map[string]*task.Task{}
	for _, tk := range d.Tasks {
		m[tk.Label()] = tk
	}
	one, two := m["一1"], m["一2"]
	if one == nil || two == nil {
		t.Fatalf("tasks: %v", m)
	}
	if !reflect.DeepEqual(one.Lead, []string{"市科技局"}) || !reflect.DeepEqual(one.Co, []string{"市财政局"}) || len(one.Targets) != 1 {
		t.Errorf("task 1: %+v", one)
	}
	if !reflect.DeepEqual(two.Lead, []string{"市发改委"}) || !reflect.DeepEqual(two.Co, []string{"市科技局"}) {
		t.Errorf("task 2: %+v", two)
	}
	for _, tk := range d.Tasks {
		if strings.Contains(tk.Text, "版权") || strings.Contains(tk.Text, "打印") {
			t.Errorf("page boilerplate kept in %s: %q", tk.Label(), tk.Text)
		}
	}
}

func TestParseGBKText(t *testing.T) {
	// 一、任务\n1.推进改革。（责任单位：市发改委）\n in GB18030.
	gbk := []byte{0xd2, 0xbb, 0xa1, 0xa2, 0xc8, 0xce, 0xce, 0xf1, '\n', '1', '.', 0xcd, 0xc6, 0xbd, 0xf8, 0xb8, 0xc4, 0xb8, 0xef, 0xa1, 0xa3,
		0xa3, 0xa8, 0xd4, 0xf0, 0xc8, 0xce, 0xb5, 0xa5, 0xce, 0xbb, 0xa3, 0xba, 0xca, 0xd0, 0xb7, 0xa2, 0xb8, 0xc4, 0xce, 0xaf, 0xa3, 0xa9, '\n'}
	path := filepath.Join(t.TempDir(), "gbk.txt")
	if err := os.WriteFile(path, gbk, 0o644); err != nil {
		t.Fatal(err)
	}
	d := parseJSON(t, path)
	var found bool
	for _, tk := range d.Tasks {
		if tk.Label() == "一1" && reflect.DeepEqual(tk.Lead, []string{"市发改委"}) && strings.HasPrefix(tk.Text, "推进改革") {
			found = true
		}
	}
	if !found {
		t.Errorf("GB18030 text not read: %+v", d.Tasks)
	}
}
