package lotest

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
)

// job is what lotest.py does; the field names are its JSON.
type job struct {
	Connect        string  `json:"connect"`
	ConnectTimeout float64 `json:"connectTimeout"` // seconds
	In             string  `json:"in"`
	Out            string  `json:"out"`
	Filter         string  `json:"filter"`
	Clerk          bool    `json:"clerk"`
	Ops            []op    `json:"ops"`
}

type op struct {
	Op     string  `json:"op"`
	Sheet  string  `json:"sheet"`
	Cell   string  `json:"cell,omitempty"`
	Value  *value  `json:"value,omitempty"`
	First  int     `json:"first,omitempty"`
	Last   int     `json:"last,omitempty"`
	Column string  `json:"column,omitempty"`
	Before int     `json:"before,omitempty"`
	Values []value `json:"values,omitempty"`
}

type value struct {
	How    string  `json:"how"` // type, text, number or clear
	Text   string  `json:"text"`
	Number float64 `json:"number"`
}

func entryOps(entries []Entry) ([]op, error) {
	ops := make([]op, len(entries))
	for i, e := range entries {
		v, err := encode(e.Value)
		if err != nil {
			return nil, fmt.Errorf("lotest: %s!%s: %w", e.Sheet, e.Cell, err)
		}
		ops[i] = op{Op: "edit", Sheet: e.Sheet, Cell: e.Cell, Value: &v}
	}
	return ops, nil
}

func encode(v any) (value, error) {
	switch v := v.(type) {
	case nil:
		return value{How: "clear"}, nil
	case Text:
		return value{How: "text", Text: string(v)}, nil
	case string:
		return value{How: "type", Text: v}, nil
	}
	rv := reflect.ValueOf(v)
	switch {
	case rv.CanInt():
		return value{How: "number", Number: float64(rv.Int())}, nil
	case rv.CanUint():
		return value{How: "number", Number: float64(rv.Uint())}, nil
	case rv.CanFloat():
		return value{How: "number", Number: rv.Float()}, nil
	}
	return value{}, fmt.Errorf("unsupported value %v of type %T", v, v)
}

// filters are LibreOffice's export filter names, by output extension.
var filters = map[string]string{
	".xlsx": "Calc MS Excel 2007 XML",
	".xls":  "MS Excel 97",
	".ods":  "calc8",
}

func filterFor(out string) (string, error) {
	if f, ok := filters[strings.ToLower(filepath.Ext(out))]; ok {
		return f, nil
	}
	return "", fmt.Errorf("lotest: %s: save as .xlsx, .xls or .ods", out)
}
