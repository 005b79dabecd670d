package round

import (
	"fmt"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// CheckRequest is what taizhang check was asked for; with no returns it
// checks the 报送/ of the workspace it runs in (see Sources.Open) for the
// current period or Period, against that period.
type CheckRequest struct {
	Sources *workspace.Sources
	Returns []string // files and folders
	Period  string   // the period the returns must be for; "" for any
	Now     time.Time
}

// Check reads the returns and checks each against the tasks and the
// office's key, without changing them. Finding no return at all is the
// user's error; returns that cannot be used are in the results (see
// Unusable).
func Check(r CheckRequest) ([]*fillin.Return, error) {
	s := r.Sources
	if err := s.Open(); err != nil {
		return nil, err
	}
	if len(r.Returns) == 0 && s.WS == nil {
		return nil, &inputerr.Usage{Msg: "请指定要检查的报送文件或目录"}
	}
	set, err := s.Load()
	if err != nil {
		return nil, err
	}
	returns := r.Returns
	var want *period.Period
	switch {
	case len(returns) == 0: // the workspace's current returns
		p, _, err := s.Round(r.Period, "", r.Now)
		if err != nil {
			return nil, err
		}
		want = &p
		dir, err := s.WS.Received(p)
		if err != nil {
			return nil, err
		}
		returns = []string{dir}
	case r.Period != "":
		p, err := period.Parse(r.Period)
		if err != nil {
			return nil, &inputerr.Usage{Msg: err.Error()}
		}
		want = &p
	}
	secret, _, err := workspace.Secret(s.Root(), false)
	if err != nil {
		return nil, err
	}
	files, err := intake.Collect(returns)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, inputerr.New("", "", "没有找到可检查的报送文件（.xlsx、.xls、.et）："+strings.Join(returns, "、"))
	}
	return intake.CheckAll(files, fillin.CheckOptions{Tasks: set, Period: want, Secret: secret}, nil), nil
}

// Tally counts checked returns: Usable of them (Warned of those with
// warnings) and Bad, which have errors and cannot be used.
type Tally struct {
	Usable, Warned, Bad int
}

// TallyOf counts results.
func TallyOf(results []*fillin.Return) Tally {
	var t Tally
	for _, r := range results {
		errs, warns := r.Counts()
		switch {
		case errs > 0:
			t.Bad++
		case warns > 0:
			t.Usable++
			t.Warned++
		default:
			t.Usable++
		}
	}
	return t
}

// Unusable is the user's error when any of the checked returns cannot be
// used, nil when all can.
func Unusable(results []*fillin.Return) error {
	if bad := TallyOf(results).Bad; bad > 0 {
		return inputerr.New("", "", fmt.Sprintf("%d 份报送文件存在错误，不能直接使用", bad))
	}
	return nil
}
