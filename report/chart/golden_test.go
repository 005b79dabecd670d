package chart

import (
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

var (
	svgDir = flag.String("svg", "", "also write the golden charts as SVG files to this directory, to look at")
)

func goldenCharts() map[string]sized {
	units := []string{"市发展改革委", "市教育局", "市科技局", "市工业和信息化局", "市公安局", "市民政局",
		"市司法局", "市财政局", "市人力资源社会保障局", "市自然资源和规划局", "市生态环境局", "市住房城乡建设局"}
	var items []BarItem
	for i, u := range units {
		v := math.Mod(float64(i)*0.37+0.05, 1.0)
		items = append(items, BarItem{Label: u, Value: v, Marker: ptr(0.75)})
	}
	items[2].Value, items[5].Value = 0, 1
	items[7].Color = &Red
	items[9].Label = "某某市人民政府办公室关于进一步优化营商环境工作领导小组办公室"
	return map[string]sized{
		"bars": Bars{Items: items, BarLegend: "累计完成"},
		"distribution": Distribution{Rows: []DistRow{
			{Label: "全部任务", Counts: []int{86, 21, 9, 4}},
			{Label: "一、优化营商环境", Counts: []int{30, 2, 1, 0}},
			{Label: "二、扩大有效投资", Counts: []int{0, 0, 0, 0}},
			{Label: "三、", Counts: []int{56, 19, 8, 4}},
		}},
		"lines": Lines{
			Periods: []string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
			Series: []Series{
				{Name: "全市", Values: []float64{0.05, 0.12, 0.2, 0.3, 0.38, 0.5, 0.57, 0.66, 0.74, 0.82, 0.9, 0.96}},
				{Name: "市教育局", Values: []float64{0.02, 0.1, 0.22, 0.25, 0.4, 0.52, math.NaN(), 0.7, 0.8, 0.85, 0.93, 1}},
				{Name: "市财政局", Values: []float64{0, 0.05, 0.1, 0.2, 0.3, 0.35, 0.42, 0.5, 0.55, 0.6}},
				{Name: "市公安局", Values: []float64{0.1, 0.2, 0.3, 0.35, 0.45, 0.55, 0.6, 0.7, 0.78, 0.88, 0.95, 0.97}},
			},
		},
	}
}

// TestGolden pins the drawing of realistic charts; review a change with
// go test -update and the diff, and look at it with -svg DIR.
func TestGolden(t *testing.T) {
	const x, y, w = 40, 50, 480
	for name, ch := range goldenCharts() {
		t.Run(name, func(t *testing.T) {
			h := ch.Height(w)
			r := draw(t, ch, x, y, w, h)
			checkTextsApart(t, r)
			got := fmt.Sprintf("%s %g×%.2f at (%g, %g)\n", name, float64(w), h, float64(x), float64(y)) + r.dump()
			testkit.Golden(t, filepath.Join("testdata", name+".golden"), got)
			if *svgDir != "" {
				svg := r.svg(x+w+x, y+h+y)
				if err := os.WriteFile(filepath.Join(*svgDir, name+".svg"), []byte(svg), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// svg renders the recorded calls, for looking at.
func (r *recorder) svg(w, h float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g">`+"\n", w*2, h*2, w, h)
	fmt.Fprintf(&b, `<rect width="%g" height="%g" fill="white"/>`+"\n", w, h)
	for _, c := range r.calls {
		switch c.op {
		case "line":
			fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="%g"/>`+"\n", c.x1, c.y1, c.x2, c.y2, c.col, c.width)
		case "rect":
			fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" fill="%s"/>`+"\n", c.x1, c.y1, c.x2-c.x1, c.y2-c.y1, c.col)
		case "stroke":
			fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" fill="none" stroke="%s" stroke-width="%g"/>`+"\n", c.x1, c.y1, c.x2-c.x1, c.y2-c.y1, c.col, c.width)
		case "text":
			anchor := [...]string{"start", "middle", "end"}[c.align]
			fmt.Fprintf(&b, `<text x="%g" y="%g" font-family="Noto Sans CJK SC" font-size="%g" fill="%s" text-anchor="%s">%s</text>`+"\n", c.x1, c.y1, c.size, c.col, anchor, html.EscapeString(c.text))
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
}
