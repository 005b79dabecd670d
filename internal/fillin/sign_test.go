package fillin

import "testing"

// TestSignatureUnchanged pins Signature and RowHash to values the
// workbooks already issued carry: any change to how they are computed
// would make every issued workbook fail its check.
func TestSignatureUnchanged(t *testing.T) {
	rows := []SignedRow{
		{ID: "S01-002", Values: RowValues{"二(一)2", "推进重点项目建设。确保按期完成", "牵头", "市发改委、市财政局", "2024年底前", "新增项目≥10个"}},
		{ID: "S01-001", Values: RowValues{"二(一)1", "", "配合", "", "持续推进", ""}},
	}
	secret := []byte("0123456789abcdef0123456789abcdef")
	if got, want := Signature(secret, "市科技局", "2024-Q4", rows), "6527af40e32a234672331252fe4f07f5ce87c62f4b0ae917a70f7f3301692403"; got != want {
		t.Errorf("Signature = %s; want %s", got, want)
	}
	if got, want := Signature(nil, "", "", nil), "b682c230003cf08e95c3b8d86fc42309d957f02ad7d5bc69b812e4c60fda05ea"; got != want {
		t.Errorf("Signature of nothing = %s; want %s", got, want)
	}
	if got, want := RowHash(rows[0]), "20a0f09aeb221b6c"; got != want {
		t.Errorf("RowHash = %s; want %s", got, want)
	}
}
