package task

import (
	"reflect"
	"testing"
)

func TestLookAlike(t *testing.T) {
	units := []string{"省发展改革委", "市公安局", "县人民政府", "省发展和改革委员会", "市公安消防局", "县政府", "市委办公室", "市委办", "市发改委"}
	want := [][2]string{{"省发展改革委", "省发展和改革委员会"}, {"县人民政府", "县政府"}, {"市委办公室", "市委办"}}
	if got := LookAlike(units, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("LookAlike = %v; want %v (abbreviations such as 市发改委 and bodies such as 市公安消防局 are not paired)", got, want)
	}
	listed := func(n string) bool { return n == "市委办公室" || n == "市委办" }
	if got := LookAlike(units, listed); !reflect.DeepEqual(got, want[:2]) {
		t.Errorf("LookAlike with both 市委 names listed = %v; want %v", got, want[:2])
	}
}
