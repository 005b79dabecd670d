// Package intake takes in the units' returns: it collects the spreadsheet
// files of a round from files and folders, converts the old formats (.xls,
// .et) through LibreOffice, and checks each return (fillin.Check) on a
// pool of workers, with a time limit per file. check, merge, status and
// the demo all read returns through it.
//
// It never prints: progress goes to a callback.
package intake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/convert"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// exts are the files Collect picks up in a folder.
var exts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".et": true, ".ods": true}

// IsSpreadsheet says whether name is a workbook a return may come as
// (not an Office lock file ~$…).
func IsSpreadsheet(name string) bool {
	return exts[strings.ToLower(filepath.Ext(name))] && !strings.HasPrefix(name, "~$")
}

// Collect expands folders (recursively) into the spreadsheet files in
// them, skipping Office lock files (~$…) and hidden files; files named
// explicitly are always taken. Stale temporary files of taizhang's in
// the folders are removed (outfile.CleanStale). A subfolder that cannot be
// read is listed among the files, so that CheckFile reports it.
func Collect(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, &cells.InputError{File: a, Msg: "找不到该文件或目录"}
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil && p != a {
				// A subfolder that cannot be read is listed (CheckFile
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
			if strings.HasPrefix(name, ".") || !IsSpreadsheet(name) {
				return nil
			}
			found = append(found, p)
			return nil
		})
		if err != nil {
			return nil, &cells.InputError{File: a, Msg: fmt.Sprintf("无法读取目录：%v", err)}
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

// Spreadsheets lists the workbooks directly in dir; none when dir cannot
// be read.
func Spreadsheets(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && IsSpreadsheet(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// CheckAll checks the returns concurrently, one worker per CPU; the
// results keep the files' order. progress, when not nil, is called after
// each file with the number done so far (calls do not overlap).
func CheckAll(files []string, opts fillin.CheckOptions, progress func(done, total int)) []*fillin.Return {
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
				results[i] = CheckFile(files[i], opts)
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(files))
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
	return results
}

// CheckFile reads one return, converting .xls/.et through LibreOffice.
// Every problem, the file's own included, is a finding of the result.
func CheckFile(path string, opts fillin.CheckOptions) *fillin.Return {
	// Only a regular file of a sane size is read: a named pipe would
	// hang the round and a huge file exhaust memory.
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return failure(path, "无法读取该文件夹（可能没有权限），其中的报送文件未检查：请检查文件夹的权限")
	}
	data, err := cells.ReadRegular(path, fillin.MaxReturnSize)
	if err != nil {
		return failure(path, inputMsg(err))
	}
	if !convert.NeedsConversionOf(path, data) {
		return checkWithin(path, data, opts, Timeout)
	}
	return checkConverted(path, path, opts)
}

// checkConverted checks the old-format workbook at path (.xls, .et, .ods)
// once LibreOffice has converted it to .xlsx; name is the findings' file.
func checkConverted(name, path string, opts fillin.CheckOptions) *fillin.Return {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, cleanup, err := convert.ToXLSX(ctx, path, name)
	if err != nil {
		return failure(name, conversionMsg(err, path, name))
	}
	defer cleanup()
	data, err := cells.ReadRegular(out, fillin.MaxReturnSize)
	if err != nil {
		return failure(name, inputMsg(err))
	}
	r := checkWithin(name, data, opts, Timeout)
	r.Findings = append([]fillin.Finding{{Level: fillin.LevelInfo, File: name, Msg: convertedMsg}}, r.Findings...)
	return r
}

// convertedMsg opens the findings of an old-format return converted.
const convertedMsg = "旧版表格文件，已通过 LibreOffice 转换为 .xlsx 后检查"

// Converted reports whether r is the check of an old-format return that
// LibreOffice converted: not one whose conversion failed (LibreOffice
// missing, or a file it could not open).
func Converted(r *fillin.Return) bool {
	return len(r.Findings) > 0 && r.Findings[0].Level == fillin.LevelInfo && r.Findings[0].Msg == convertedMsg
}

// conversionMsg is the finding of a conversion of the file at path, sent
// as name, that failed with err: convert's words for a problem with the
// file or a missing LibreOffice; for LibreOffice itself failing, ours, as
// convert's are English and name the files on this machine, a server's
// temporary file among them.
func conversionMsg(err error, path, name string) string {
	if inputerr.Is(err) {
		return strings.TrimPrefix(err.Error(), path+"：")
	}
	return "LibreOffice 未能转换该文件（" + filepath.Base(name) + "），未检查：请在 Excel 或 WPS 中打开，另存为 .xlsx 后重试"
}

// failure is the result of a return that could not be read: msg says why.
func failure(name, msg string) *fillin.Return {
	return &fillin.Return{File: name, Findings: []fillin.Finding{{Level: fillin.LevelError, File: name, Msg: msg}}}
}

// Timeout bounds the reading of one return. The reader's limits on size
// keep any file finite, but a crafted one could still take minutes: a
// round never waits on it. A variable so that tests can shorten it.
var Timeout = 2 * time.Minute

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
		msg := "读取超过 " + chineseDuration(d) + timedOutTail
		return &fillin.Return{File: name, Entries: []fillin.Entry{}, Findings: []fillin.Finding{{Level: fillin.LevelError, File: name, Msg: msg}}}
	}
}

// timedOutTail ends the finding of a check given up after Timeout.
const timedOutTail = "仍未完成，已跳过：文件可能异常复杂或已损坏，请重新保存为 .xlsx 后报送"

// TimedOut reports whether r is a check given up after Timeout: it says
// how busy the machine was then, not what the file holds, and a later
// check may well finish.
func TimedOut(r *fillin.Return) bool {
	for _, f := range r.Findings {
		if f.Level == fillin.LevelError && strings.HasSuffix(f.Msg, timedOutTail) {
			return true
		}
	}
	return false
}

// chineseDuration writes d as 2 分钟 or 30 秒.
func chineseDuration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d 分钟", d/time.Minute)
	}
	return fmt.Sprintf("%d 秒", int(d.Seconds()))
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
