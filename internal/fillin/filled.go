package fillin

// Filled reports whether data, a fill-in workbook, holds anything a unit
// typed: a header field (填报人, 联系电话, 审核人, 填报日期) or an input cell
// of a task row. A workbook that cannot be read that far counts as filled,
// so that nothing a unit may have typed is ever replaced by a blank one.
func Filled(data []byte) bool {
	r := Check("", data, CheckOptions{})
	if r.Version == "" || len(r.Entries) == 0 && !r.Usable() {
		return true
	}
	h := r.Header
	if h.Filler != "" || h.Phone != "" || h.Reviewer != "" || h.Date != "" {
		return true
	}
	for _, e := range r.Entries {
		if e.Progress != "" || e.Percent != nil || e.StatusRaw != "" || e.Current != "" ||
			e.Problems != "" || e.NextSteps != "" || e.Evidence != "" || e.Remark != "" {
			return true
		}
	}
	return false
}
