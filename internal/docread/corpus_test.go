package docread

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The seed documents and the shared corpus are real pages saved as text;
// these tests pin what is read from each. The corpus lives outside the
// repository and is skipped when absent.

const (
	seedDir   = "../../seeds"
	corpusDir = "../../../shared/corpus/docs"
)

type realDoc struct {
	file  string // glob under its directory
	meta  Meta
	first string   // the first line of the body, which must survive
	gone  []string // page boilerplate that must not
}

var seedDocs = []realDoc{
	{
		file: "000_*.txt",
		// The signature date (2017年9月14日) wins over 发布时间 2017年09月22日.
		meta:  Meta{Title: "市政府办公室印发《关于实施创新驱动发展战略打造区域创新生态示范区的意见》工作任务分解方案的通知", DocNumber: "泰政办发〔2017〕126号", Issuer: "市政府办", Date: "2017-09-14"},
		first: "各市(区)人民政府,泰州医药高新区管委会",
		gone:  []string{"发布部门", "政策文号", "有效性"},
	},
	{
		file:  "001_*.txt",
		meta:  Meta{Title: "新乡自创区2018年建设推进计划的通知", Issuer: "新乡市人民政府", Date: "2018-05-24"},
		first: "2018年是贯彻落实党的十九大精神",
		gone:  []string{"版权声明", "凡本网注明", "返回顶部", "相关新闻", "来源:新乡市人民政府"},
	},
	{
		file: "002_*.txt",
		// (2021年2月10日) under the title is the date of the document;
		// 生成日期 2021-02-19 is the page's.
		meta:  Meta{Title: "中共常州市委 常州市人民政府 关于创新驱动高质量发展的实施意见", DocNumber: "常发〔2021〕1号", Issuer: "市科技局", Date: "2021-02-10"},
		first: "为贯彻党的十九届五中全会精神",
		gone:  []string{"您当前的位置", "首页 >>", "浏览次数", "索 引 号", "扫一扫在手机打开当前页"},
	},
	{
		file: "003_*.txt",
		// 成文日期 from the metadata table wins over the signature (2023年6月5日).
		meta:  Meta{Title: "临海市人民政府关于印发临海市落实 “315”科技创新体系建设工程实施方案 (2023—2027年)的通知", Issuer: "市科技局", Date: "2023-06-21"},
		first: "各镇人民政府、街道办事处",
		gone:  []string{"打印 关闭", "分享到", "【打印本页】", "索引号", "LH331082"},
	},
	{
		file:  "004_*.txt",
		meta:  Meta{Title: "关于实施创新驱动发展战略建设国家自主创新示范区的意见", Issuer: "中共泉州市委 泉州市人民政府", Date: "2016-08-27"},
		first: "各县(市、区)党委和人民政府",
		gone:  []string{"政策文件 2018-12-20", "阅读 0", "主管单位", "主办单位", "泉州市民营企业服务中心", "备案号"},
	},
}

var corpusDocs = []realDoc{
	{file: "02_*.txt", meta: Meta{Title: "国务院关于促进综合保税区高水平开放高质量发展的若干意见", DocNumber: "国发〔2019〕3号", Issuer: "国务院", Date: "2019-01-12"}},
	{file: "03_*.txt", meta: Meta{Title: "国务院关于做好当前和今后一个时期促进就业工作的若干意见", DocNumber: "国发〔2018〕39号", Issuer: "国务院", Date: "2018-11-16"}},
	{file: "04_*.txt", meta: Meta{Title: "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见", DocNumber: "国发〔2018〕42号", Issuer: "国务院", Date: "2018-12-21"}},
	{file: "05_*.txt", meta: Meta{Title: "国务院关于支持自由贸易试验区深化改革创新若干措施的通知", DocNumber: "国发〔2018〕38号", Issuer: "国务院", Date: "2018-11-07"}},
	{file: "06_*.txt", meta: Meta{Title: "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知", DocNumber: "国办发〔2018〕117号", Issuer: "国务院办公厅", Date: "2018-12-06"}},
	{file: "07_*.txt", meta: Meta{Title: "国务院办公厅关于加快发展体育竞赛表演产业的指导意见", DocNumber: "国办发〔2018〕121号", Issuer: "国务院办公厅", Date: "2018-12-11"}},
	{file: "08_*.txt", meta: Meta{Title: "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见", DocNumber: "国办发〔2018〕129号", Issuer: "国务院办公厅", Date: "2018-12-30"}},
	{file: "09_*.txt", meta: Meta{Title: "国务院办公厅关于推广第二批支持创新相关改革举措的通知", DocNumber: "国办发〔2018〕126号", Issuer: "国务院办公厅", Date: "2018-12-23"}},
}

func init() {
	// Every corpus page starts with the same metadata block and ends with
	// the same button; the body starts with the salutation.
	for i := range corpusDocs {
		corpusDocs[i].first = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
		corpusDocs[i].gone = []string{"索 引 号", "主题分类", "发文机关：", "扫一扫在手机打开当前页"}
	}
}

func findOne(t *testing.T, dir, pattern string) string {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(matches) != 1 {
		t.Fatalf("%s/%s: found %d files; want 1", dir, pattern, len(matches))
	}
	return matches[0]
}

func checkRealDocs(t *testing.T, dir string, docs []realDoc) {
	for _, want := range docs {
		path := findOne(t, dir, want.file)
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Meta != want.meta {
				t.Errorf("Meta = %+v\nwant   %+v", doc.Meta, want.meta)
			}
			if !hasBlockPrefix(doc, want.first) {
				t.Errorf("no block starts with %q", want.first)
			}
			all := strings.Join(texts(doc), "\n")
			for _, g := range want.gone {
				if strings.Contains(all, g) {
					t.Errorf("boilerplate %q survived", g)
				}
			}
		})
	}
}

func hasBlockPrefix(doc *Document, prefix string) bool {
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return true
		}
	}
	return false
}

func TestSeeds(t *testing.T) {
	checkRealDocs(t, seedDir, seedDocs)
}

func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	checkRealDocs(t, corpusDir, corpusDocs)
}

// TestSeedsReencoded reads every seed as GB18030, UTF-16 without a mark and
// UTF-8 with a mark and CRLF: the documents must be identical.
func TestSeedsReencoded(t *testing.T) {
	for _, s := range seedDocs {
		path := findOne(t, seedDir, s.file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := mustRead(t, "seed.txt", data)
		variants := map[string][]byte{
			"gb18030":  gb18030(t, string(data)),
			"utf16le":  utf16Bytes(string(data), false, false),
			"utf16be":  utf16Bytes(string(data), true, true),
			"bom+crlf": append([]byte{0xef, 0xbb, 0xbf}, bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...),
		}
		for name, b := range variants {
			got := mustRead(t, "seed.txt", b)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s as %s differs: Meta %+v vs %+v, %d vs %d blocks", filepath.Base(path), name, got.Meta, want.Meta, len(got.Blocks), len(want.Blocks))
			}
		}
	}
}
