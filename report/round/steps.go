package round

import (
	"maps"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// Step is one thing left to do in a round: its kind and the units it
// names. Which steps there are is decided once (Status.next); each place
// words them its own way (see Wording): the command line names commands,
// the office page its buttons.
type Step struct {
	Kind  StepKind
	Units []string
}

// StepKind is what a step is about.
type StepKind int

// The kinds of steps, most urgent first.
const (
	StepParse      StepKind = iota // no task list yet
	StepRestoreKey                 // the signing key is missing
	StepTemplates                  // no workbooks for the period yet
	StepWait                       // units have not reported; no due date
	StepWaitDue                    // units have not reported; the due date is ahead
	StepChase                      // units have not reported; the due date is past
	StepRedo                       // units whose returns all cannot be used
	StepMerge                      // returns arrived, no ledger yet
	StepRemerge                    // the ledger is older than the returns
	StepReport                     // the ledger is up to date, no report yet
	StepUnlisted                   // units with tasks missing from taizhang.yaml's list
	StepDone                       // nothing left
)

// Wording is the text of each kind of step, with placeholders: {期次} the
// period's label, {截止} how far the due date is in period.DaysLeft's
// words (还有 3 天, 今天截止, 已过 2 天), {单位} the units named (the first
// 20), {个数} how many units.
type Wording map[StepKind]string

// With is a copy of w with the texts of over in place of its own.
func (w Wording) With(over Wording) Wording {
	out := maps.Clone(w)
	maps.Copy(out, over)
	return out
}

// CommandLine words the steps as taizhang status prints them: the
// commands to run.
var CommandLine = Wording{
	StepParse:      "把政策文件放入 " + workspace.DocsName + "/，运行 taizhang parse 生成任务分解表，核对后运行 taizhang templates",
	StepRestoreKey: "找不到办公室签名密钥（" + filepath.Join(workspace.Dir, "secret.key") + "）：请从备份恢复，否则无法核验报送文件",
	StepTemplates:  "运行 taizhang templates 生成{期次}填报表，发给各单位",
	StepWait:       "等待 {个数} 个单位报送：{单位}",
	StepWaitDue:    "等待 {个数} 个单位报送（{截止}）：{单位}",
	StepChase:      "催报（截止日期{截止}）：{单位}",
	StepRedo:       "请以下单位重新报送（报送文件有错误，不能使用，详见 taizhang check）：{单位}",
	StepMerge:      "运行 taizhang merge 汇总{期次}总台账",
	StepRemerge:    "总台账早于收到的报送文件：请运行 taizhang merge 重新汇总",
	StepReport:     "运行 taizhang report 生成{期次}报告",
	StepUnlisted:   "以下单位有任务但不在 taizhang.yaml 的 units 名单中（可能需要添加或设为别名）：{单位}",
	StepDone:       "{期次}的报送、汇总和报告均已完成",
}

// Words is the text of the round's steps in w.
func (st *Status) Words(w Wording) []string {
	var out []string
	for _, s := range st.Steps {
		r := strings.NewReplacer("{期次}", st.PeriodLabel, "{截止}", period.DaysLeft(st.DaysLeft),
			"{单位}", JoinMax(s.Units, 20), "{个数}", strconv.Itoa(len(s.Units)))
		out = append(out, r.Replace(w[s.Kind]))
	}
	return out
}
