package convert

import (
	"fmt"
	"path/filepath"
	"strings"
)

const (
	msgNotFound       = "找不到文件"
	msgNoPermission   = "没有读取此文件的权限"
	msgIsDir          = "是文件夹，不是表格文件"
	msgEncrypted      = "文件设有打开密码，无法读取：请在 Excel 或 WPS 中去掉打开密码，“另存为” .xlsx 后再报送"
	msgNotSpreadsheet = "不是 Excel、WPS 或 OpenDocument 表格文件（可能是改了扩展名的其他文件）：请用 Excel 或 WPS 打开报送表，“另存为” .xlsx 后再报送"
	msgCannotOpen     = "LibreOffice 无法打开此文件，文件可能已损坏或设有打开密码：请在 Excel 或 WPS 中打开，“另存为” .xlsx 后再报送"
)

// msgNoOffice names the format the way the user knows it, and the program
// that can re-save it.
func msgNoOffice(src string, k kind) string {
	ext := strings.ToLower(filepath.Ext(src))
	name, app := "Excel 97-2003 工作簿", "Excel 或 WPS 中"
	switch {
	case ext == ".et" || ext == ".ett":
		name, app = "WPS 表格", "WPS 中"
	case k == kindODS || ext == ".ods" || ext == ".ots" || ext == ".fods":
		name, app = "OpenDocument 表格", "WPS、Excel 或 LibreOffice 中"
	}
	if ext == "" {
		ext = ".xls"
		if k == kindODS {
			ext = ".ods"
		}
	}
	return fmt.Sprintf("未安装 LibreOffice，无法转换 %s（%s）文件：请在 %s“另存为” .xlsx 后再报送", name, ext, app)
}

// msgNoWriter says an old Word or WPS document needs LibreOffice, or to be
// saved as .docx.
func msgNoWriter(src string) string {
	if ext := strings.ToLower(filepath.Ext(src)); ext == ".wps" || ext == ".wpt" {
		return "这是 WPS 文字（.wps）文件，未安装 LibreOffice，无法转换：请在 WPS 中“另存为” .docx 格式后再试"
	}
	return "这是旧版 Word（.doc）文件，未安装 LibreOffice，无法转换：请在 Word 或 WPS 中“另存为” .docx 格式后再试"
}

const msgTimeoutDoc = "LibreOffice 转换超时，文件可能过大或已损坏：请在 Word 或 WPS 中“另存为” .docx 后再试"

const msgCannotOpenDoc = "LibreOffice 无法打开此文件，文件可能已损坏或设有打开密码：请在 Word 或 WPS 中打开，“另存为” .docx 后再试"

const msgTimeout = "LibreOffice 转换超时，文件可能过大或已损坏：请在 Excel 或 WPS 中“另存为” .xlsx 后再报送"
