package sample

import (
	"strings"
	"testing"
	"time"
)

func TestSetCells(t *testing.T) {
	sheet := `<sheetData><row r="5"><c r="H5" s="12"></c><c r="H50" s="3"/><c r="I5" s="4"/></row></sheetData>`
	sst := `<sst xmlns="x" count="7" uniqueCount="5"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si><si><t>d</t></si><si><t>e</t></si></sst>`
	gotSheet, gotSST, err := setCells([]byte(sheet), []byte(sst), []cellValue{
		{ref: "H50", Val: text("推进<中> & 完成")},
		{ref: "I5", Val: number(62.5)},
		{ref: "H5", Val: text(" 前后空格 ")},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantSheet := `<sheetData><row r="5"><c r="H5" s="12" t="s"><v>6</v></c><c r="H50" s="3" t="s"><v>5</v></c><c r="I5" s="4"><v>62.5</v></c></row></sheetData>`
	if string(gotSheet) != wantSheet {
		t.Errorf("sheet:\n got %s\nwant %s", gotSheet, wantSheet)
	}
	wantSST := `<sst xmlns="x" count="9" uniqueCount="7"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si><si><t>d</t></si><si><t>e</t></si>` +
		`<si><t xml:space="preserve">推进&lt;中&gt; &amp; 完成</t></si><si><t xml:space="preserve"> 前后空格 </t></si></sst>`
	if string(gotSST) != wantSST {
		t.Errorf("shared strings:\n got %s\nwant %s", gotSST, wantSST)
	}
	if _, _, err := setCells([]byte(sheet), []byte(sst), []cellValue{{ref: "Z9", Val: number(1)}}); err == nil || !strings.Contains(err.Error(), "Z9") {
		t.Errorf("a cell not in the sheet: err = %v, want one naming Z9", err)
	}
}

func TestExcelDate(t *testing.T) {
	for day, want := range map[string]float64{"1900-03-01": 61, "2024-04-10": 45392, "2025-01-05": 45662} {
		d, _ := time.Parse(time.DateOnly, day)
		if got := excelDate(d); got != want {
			t.Errorf("excelDate(%s) = %v, want %v", day, got, want)
		}
	}
}
