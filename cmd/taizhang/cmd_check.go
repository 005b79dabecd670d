package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/cells"
	"github.com/taizhang-dev/taizhang/report/convert"
	"github.com/taizhang-dev/taizhang/report/fillin"
	"github.com/taizhang-dev/taizhang/report/outfile"
	"github.com/taizhang-dev/taizhang/report/period"
	"github.com/taizhang-dev/taizhang/report/task"
	"github.com/taizhang-dev/taizhang/report/workspace"
)

type checkOptions struct {
	Returns []string
	taskSource
	Period string
	JSON   bool

	Stdout, Stderr io.Writer
}

func newCheckCmd(stdout, stderr io.Writer, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   "check 报送文件或目录... --tasks 任务分解表.xlsx [--period 期次] [--json]",
		Short: "检查各单位报送的填报表，逐项列出问题",
		Long: `读取各单位报送回来的填报表（文件或目录；不会修改它们），逐一列出问题及其位置（文件、工作表、单元格），
分为“错误”（报送文件不能直接使用）和“警告”（需要提醒单位补正），并说明对不规范填写的理解方式。
.xls 和 WPS 的 .et 文件在装有 LibreOffice 时自动转换。发现错误时退出状态为 1。

在工作目录（taizhang init 创建）中不带参数运行时，检查当前期次（或 --period）文件夹中 报送/ 下的文件，
并按该期次核对。`,
		Example: "  taizhang check                      # 在工作目录中\n  taizhang check 收到的报送/ --tasks 任务分解表.xlsx --period 2024-Q4",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.openWorkspace(); err != nil {
				return err
			}
			if len(args) == 0 && opts.ws == nil {
				return &usageError{"请指定要检查的报送文件或目录"}
			}
			opts.Returns = args
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	opts.taskSource.addFlags(cmd)
	cmd.Flags().StringVar(&opts.Period, "period", "", "应报送的期次；指定后其他期次的文件记为错误（在工作目录中不带参数时默认为当前期次）")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "以 JSON 输出检查结果")
	return cmd
}

func checkRun(opts *checkOptions) error {
	set, err := opts.load()
	if err != nil {
		return err
	}
	var want *period.Period
	switch {
	case len(opts.Returns) == 0: // the workspace's current returns
		p, _, err := opts.round(opts.Period, "", time.Now())
		if err != nil {
			return err
		}
		want = &p
		dir := opts.ws.ReturnsDir(p)
		if _, err := os.Stat(dir); err != nil {
			return &inputError{fmt.Sprintf("%s：还没有%s的报送文件：请把收到的填报表放入该目录", dir, p.String())}
		}
		opts.Returns = []string{dir}
	case opts.Period != "":
		p, err := period.Parse(opts.Period)
		if err != nil {
			return &usageError{err.Error()}
		}
		want = &p
	}
	secret, _, err := workspace.Secret(opts.root(), false)
	if err != nil {
		return err
	}
	files, err := collectReturns(opts.Returns)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return &inputError{"没有找到可检查的报送文件（.xlsx、.xls、.et）：" + strings.Join(opts.Returns, "、")}
	}
	results := checkFiles(files, set, fillin.CheckOptions{Tasks: set, Period: want, Secret: secret})
	if opts.JSON {
		enc := json.NewEncoder(opts.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"returns": results}); err != nil {
			return fmt.Errorf("write JSON: %w", err)
		}
	} else {
		printFindings(opts.Stdout, results)
	}
	bad := 0
	for _, r := range results {
		if !r.Usable() {
			bad++
		}
	}
	if bad > 0 {
		return &inputError{fmt.Sprintf("%d 份报送文件存在错误，不能直接使用", bad)}
	}
	return nil
}

// returnExts are the files check picks up in a folder.
var returnExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".et": true, ".ods": true}

// collectReturns expands folders (recursively) into the spreadsheet files in
// them, skipping Office lock files (~$…) and hidden files; files named
// explicitly are always checked. Stale temporary files of taizhang's in
// the folders are removed (outfile.CleanStale).
func collectReturns(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, &inputError{fmt.Sprintf("%s：找不到该文件或目录", a)}
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil && p != a {
				// A subfolder that cannot be read is listed (checkFile
				// says why) and the round goes on without it.
				found = append(found, p)
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if p != a && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				// A killed run's conversion folder (a copy of a return)
				// or temporary file goes before the folder is read.
				outfile.CleanStale(p)
				return nil
			}
			if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || !returnExts[strings.ToLower(filepath.Ext(name))] {
				return nil
			}
			found = append(found, p)
			return nil
		})
		if err != nil {
			return nil, &inputError{fmt.Sprintf("%s：无法读取目录：%v", a, err)}
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

// checkFiles checks the returns concurrently; results keep the files' order.
func checkFiles(files []string, set *task.Set, opts fillin.CheckOptions) []*fillin.Return {
	return checkFilesProgress(files, set, opts, nil)
}

// checkFilesProgress is checkFiles showing "已读取 n/N" on progress, a
// terminal, when it is not nil.
func checkFilesProgress(files []string, set *task.Set, opts fillin.CheckOptions, progress io.Writer) []*fillin.Return {
	if opts.Index == nil && opts.Tasks != nil {
		opts.Index = fillin.NewIndex(opts.Tasks)
	}
	results := make([]*fillin.Return, len(files))
	jobs := make(chan int)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
	)
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = checkFile(files[i], opts)
				if progress != nil {
					mu.Lock()
					done++
					fmt.Fprintf(progress, "\r已读取 %d/%d 份报送文件", done, len(files))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if progress != nil && len(files) > 0 {
		fmt.Fprintln(progress)
	}
	return results
}

// checkFile reads one return, converting .xls/.et through LibreOffice.
func checkFile(path string, opts fillin.CheckOptions) *fillin.Return {
	name := path
	fail := func(msg string) *fillin.Return {
		return &fillin.Return{File: name, Findings: []fillin.Finding{{Level: fillin.LevelError, File: name, Msg: msg}}}
	}
	// Only a regular file of a sane size is read: a named pipe would
	// hang the round and a huge file exhaust memory.
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fail("无法读取该文件夹（可能没有权限），其中的报送文件未检查：请检查文件夹的权限")
	}
	data, err := cells.ReadRegular(path, fillin.MaxReturnSize)
	if err != nil {
		return fail(inputMsg(err))
	}
	src := path
	if need, err := convert.NeedsConversion(path); err != nil {
		return fail("无法读取文件：" + err.Error())
	} else if need {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		out, cleanup, err := convert.ToXLSX(ctx, path)
		if err != nil {
			return fail(strings.TrimPrefix(err.Error(), path+"："))
		}
		defer cleanup()
		src = out
		if data, err = cells.ReadRegular(src, fillin.MaxReturnSize); err != nil {
			return fail(inputMsg(err))
		}
	}
	r := checkWithin(name, data, opts, checkTimeout)
	if src != path {
		r.Findings = append([]fillin.Finding{{Level: fillin.LevelInfo, File: name, Msg: "旧版表格文件，已通过 LibreOffice 转换为 .xlsx 后检查"}}, r.Findings...)
	}
	return r
}

// checkTimeout bounds the reading of one return. The reader's limits on
// size keep any file finite, but a crafted one could still take minutes:
// a round never waits on it.
var checkTimeout = 2 * time.Minute

// checkWithin is fillin.Check, given up after d: the file is then reported
// as unreadable. The abandoned check runs on to its end in the background;
// it changes nothing.
func checkWithin(name string, data []byte, opts fillin.CheckOptions, d time.Duration) *fillin.Return {
	done := make(chan *fillin.Return, 1)
	go func() { done <- fillin.Check(name, data, opts) }()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case r := <-done:
		return r
	case <-timer.C:
		msg := fmt.Sprintf("读取超过 %s仍未完成，已跳过：文件可能异常复杂或已损坏，请重新保存为 .xlsx 后报送", chineseDuration(d))
		return &fillin.Return{File: name, Entries: []fillin.Entry{}, Findings: []fillin.Finding{{Level: fillin.LevelError, File: name, Msg: msg}}}
	}
}

// chineseDuration writes d as 2 分钟 or 30 秒.
func chineseDuration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d 分钟", d/time.Minute)
	}
	return fmt.Sprintf("%d 秒", int(d.Seconds()))
}

func printFindings(w io.Writer, results []*fillin.Return) {
	usable, warned, bad := 0, 0, 0
	for _, r := range results {
		errs, warns := 0, 0
		for _, f := range r.Findings {
			switch f.Level {
			case fillin.LevelError:
				errs++
			case fillin.LevelWarning:
				warns++
			}
		}
		who := ""
		if r.Unit != "" {
			who = "（" + r.Unit
			if r.Period != "" {
				if p, err := period.Parse(r.Period); err == nil {
					who += "，" + p.String()
				}
			}
			who += "）"
		}
		switch {
		case errs > 0:
			bad++
			fmt.Fprintf(w, "✗ %s%s：%d 个错误，%d 个警告，不能直接使用\n", r.File, who, errs, warns)
		case warns > 0:
			usable++
			warned++
			fmt.Fprintf(w, "△ %s%s：可以使用，%d 个警告\n", r.File, who, warns)
		default:
			usable++
			fmt.Fprintf(w, "✓ %s%s：无问题\n", r.File, who)
		}
		for _, f := range r.Findings {
			fmt.Fprintf(w, "    [%s] %s\n", f.Level.Label(), f.Detail())
		}
	}
	fmt.Fprintf(w, "\n共检查 %d 份：可以使用 %d 份（其中有警告 %d 份），存在错误 %d 份。\n", len(results), usable, warned, bad)
}

// inputMsg is the message of a problem with a file, without the file's
// name, which the finding carries.
func inputMsg(err error) string {
	var ie *cells.InputError
	if errors.As(err, &ie) {
		return ie.Msg
	}
	return "无法读取文件：" + err.Error()
}
