package main

import (
	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/demo"
)

// helpText is what a command's help says: its usage line, the one-line
// summary in the command list, the description and the examples.
type helpText struct {
	Use, Short, Long, Example string
}

// help is every command's help, in one place so that it reads as one
// manual: the office reads it in Chinese with taizhang help.
var help = map[string]helpText{
	"init": {
		Use:   "init 目录 [--org 机关名称] [--year 2025] [--cycle 季度]",
		Short: "创建一个台账工作目录：配置、政策文件、各期填报表和报送",
		Long: `创建一个办公室可以使用一整年的工作目录：
  taizhang.yaml     配置（机关名称、考核年度、报送周期、单位名单和别名、集体称谓展开、亮灯和考核规则、字体），带中文说明
  政策文件/          放入要分解的政策文件
  期次文件夹/        如 2025年第一季度/，其中 填报表/（下发）、报送/（收回）、总台账.xlsx、报告.pdf
  年度/              年度考核报告等
  .taizhang/        签名密钥（自动生成，不显示、不写入配置；请备份，切勿外发）

目录可以不存在、为空，或只放有政策文件（会移入 政策文件/）；已有 taizhang.yaml 时不会覆盖。
之后在该目录（或其子目录）中运行的命令会自动找到配置和各期的文件，不必再写参数。`,
		Example: "  taizhang init 2025台账 --org 泰州市人民政府办公室 --year 2025 --cycle 季度",
	},
	"parse": {
		Use:   "parse 文件... [-o 任务分解表.xlsx] [--json]",
		Short: "把政策文件分解为任务清单（任务分解表）",
		Long: `读取政策文件（.txt、.docx、旧版 Word 的 .doc、.html，或作为附件下发的任务分解表 .xlsx、.xls、.et），按文件自身的编号
（一、（一）1.（1）①）分解出任务、目标及其牵头单位、配合单位、完成时限和量化指标，
写成可编辑的 Excel 任务分解表。

在工作目录（taizhang init 创建）中不带参数运行时，读取其中 政策文件/ 下的全部文件，
写成工作目录的 任务分解表.xlsx；该文件已存在时不会覆盖（其中可能有办公室的修改）。
用 -o 写到已有的任务分解表时，原文件先另存为带时间的备份（任务分解表.备份-日期-时间.xlsx）；
-o 指向其他文件（总台账、填报表或非 taizhang 生成的文件）时不写入。

单位别名等设置取自工作目录的 taizhang.yaml（不在工作目录中时，取文件所在目录或当前目录的
taizhang.yaml）；--config 指定的文件优先。`,
		Example: "  taizhang parse                      # 在工作目录中\n  taizhang parse 实施方案.docx -o 任务分解表.xlsx\n  taizhang parse 意见.txt --json > tasks.json",
	},
	"templates": {
		Use:   "templates --tasks 任务分解表.xlsx --period 期次 -o 目录",
		Short: "为每个责任单位生成本期填报表",
		Long: `按任务分解表（或直接按政策文件）为每个有任务的责任单位（牵头或配合）生成一份本期填报表，
任务列锁定，填报列带下拉和校验，并带有防篡改签名。

期次写作 2024-11、2024-Q4、2024-H1、2024，或 2024年11月、2024年第四季度、2024年上半年、2024年度。
签名密钥保存在工作目录（默认为任务分解表所在目录）的 .taizhang/secret.key，首次运行时生成：
请妥善保管，不要随填报表下发；核验报送文件（taizhang check）时需要它。已下发过填报表而密钥不见了时，
本命令不会悄悄生成新密钥，而是提示如何恢复。

在工作目录（taizhang init 创建）中可不带参数运行：任务取自 任务分解表.xlsx，期次为当前期次，
截止日期为期末后 due_days 天（taizhang.yaml），填报表写入该期文件夹的 填报表/；命令行参数优先。
输出目录中同名的空白填报表直接替换；已有单位填写内容的报送文件不会被替换，此时不生成任何填报表。`,
		Example: "  taizhang templates                  # 在工作目录中\n  taizhang templates --tasks 任务分解表.xlsx --period 2024-Q4 --due 2025-01-05 -o 填报表",
	},
	"check": {
		Use:   "check 报送文件或目录... --tasks 任务分解表.xlsx [--period 期次] [--json]",
		Short: "检查各单位报送的填报表，逐项列出问题",
		Long: `读取各单位报送回来的填报表（文件或目录；不会修改它们），逐一列出问题及其位置（文件、工作表、单元格），
分为“错误”（报送文件不能直接使用）和“警告”（需要提醒单位补正），并说明对不规范填写的理解方式。
.xls 和 WPS 的 .et 文件在装有 LibreOffice 时自动转换。发现错误时退出状态为 1。

在工作目录（taizhang init 创建）中不带参数运行时，检查当前期次（或 --period）文件夹中 报送/ 下的文件，
并按该期次核对。`,
		Example: "  taizhang check                      # 在工作目录中\n  taizhang check 收到的报送/ --tasks 任务分解表.xlsx --period 2024-Q4",
	},
	"merge": {
		Use:   "merge 报送文件或目录... --tasks 任务分解表.xlsx --period 期次 -o 总台账.xlsx",
		Short: "把各单位的报送汇总为本期总台账（含序时进度和亮灯）",
		Long: `检查各单位报送的填报表（与 taizhang check 相同），把可用的报送汇总为本期总台账：
每项任务一行，牵头单位的报送为准，配合单位的报送列在旁边；计算序时进度和亮灯，统计各单位报送情况。

同一单位报送多份时，以填报日期（其次为文件时间）最新的一份为准，其余列为“已被替代”；不可用的报送列入问题清单，
其内容不进入台账。若输出的总台账已存在，其中办公室填写的“复核意见”“核定状态”会保留到新台账，旧文件另存为带时间的备份。
亮灯阈值在 taizhang.yaml 的 lights 中设置。

在工作目录（taizhang init 创建）中可不带参数运行：汇总当前期次（或 --period）文件夹中 报送/ 下的文件，
写成该期文件夹的 总台账.xlsx，截止日期为期末后 due_days 天，并与上一期的总台账比较；命令行参数优先。`,
		Example: "  taizhang merge                      # 在工作目录中\n  taizhang merge 收到的报送/ --tasks 任务分解表.xlsx --period 2024-Q4 --due 2025-01-05 -o 总台账.xlsx",
	},
	"status": {
		Use:   "status [--period 期次] [--json]",
		Short: "查看本期报送情况：谁已报送、谁迟报、谁未报，还有哪些事要做",
		Long: `在工作目录（taizhang init 创建）中运行，列出当前期次（或 --period）的报送截止日期和剩余天数，
各责任单位的报送情况（文件、填报日期、按时或迟报；未报；报送文件有错误不能使用的），
总台账是否需要重新汇总，以及下一步要做的事。报送文件按 taizhang check 的规则检查，不会修改任何文件。`,
		Example: "  taizhang status\n  taizhang status --period 2024-Q4 --json",
	},
	"serve": {
		Use:   "serve [--addr 0.0.0.0:8080] [--period 期次]",
		Short: "在内网开启报送网页：各单位用自己的链接下载填报表、上传并立即看到检查结果",
		Long: `在工作目录中运行：写出本期文件夹的 报送链接.xlsx（每个单位一个链接），显示办公室页面的地址。
单位上传的文件按 taizhang check 的规则检查，存入本期的 报送/（文件名含单位和收到时间），每次上传和办公室的操作记入 审计日志.jsonl。办公室页面显示报送情况和催办消息，可立即汇总、生成通报。
仅供内网使用；需要 HTTPS 时放在反向代理后面（见 README）。--revoke 单位名 停用该单位的链接并生成新链接（--revoke 办公室 更换办公室页面的链接）。`,
		Example: "  cd 工作目录 && taizhang serve\n  taizhang serve --revoke 市科技局",
	},
	"report": {
		Use:   "report --ledger 总台账.xlsx -o 报告.pdf",
		Short: "由总台账生成公文格式的 PDF 报告（进展通报或年度考核报告）",
		Long: `由总台账生成 PDF 报告，版式按 GB/T 9704《党政机关公文格式》，字体嵌入文件，任何电脑都能正确显示和打印。

--kind progress（默认）：本期进展通报。总体情况（含亮灯分布图、各单位完成率图）、按文件原有编号的分项推进情况、
存在问题（红黄灯任务及原因、未报送单位）、单位排名，附件为横排的全部台账。
--kind annual：年度考核通报。用 --ledger 依次给出全年各期总台账，增加考核排名、各单位得分及主要加减分事项、
结转下年度任务和全年完成率走势图。

办公室在总台账中填写的“核定状态”优先于单位报送的状态，“复核意见”会写入报告。
在工作目录（taizhang init 创建）中运行时可不带参数：使用本期（或 --period 指定期次）的总台账，报告写入该期目录。
字体可在 taizhang.yaml 的 fonts 中或用 --font 指定，如 --font body=C:\Windows\Fonts\simfang.ttf。
PDF 旁边同时写出同名的 Word 版（.docx），样式、页面按公文格式设置，供修改后印发；--format pdf 或 docx 只写其中一种。
已有的报告（或年度台账）先另存为带时间的备份再替换；-o 须为 .pdf，不能是总台账或其他文件。`,
		Example: `  taizhang report --ledger 总台账.xlsx -o 报告.pdf --office 市政府督查室
  taizhang report --kind annual --ledger 一季度.xlsx --ledger 二季度.xlsx --ledger 三季度.xlsx --ledger 四季度.xlsx -o 年度考核.pdf`,
	},
	"demo": {
		Use:   "demo -o 目录",
		Short: "用内置的五份示例政策文件演示一整年：分解任务、四个季度的填报与汇总、进展通报和年度考核报告",
		Long: `用程序内置的五份真实政策文件把一整年走一遍，结果写到指定目录（一个工作目录，可继续用 taizhang status 等命令）：
任务分解表.xlsx；` + demo.Year + `年四个季度各自的目录，内有各责任单位的填报表、模拟的报送（有按时、迟报、漏报、
填写不规范和改了又交的）、总台账.xlsx（含考核排名）和进展通报 报告.pdf；年度/ 目录中的年度台账和年度考核报告。
模拟结果每次相同。目录已存在且不为空时（如以前的演示目录），其中的文件一概不动，演示改写入旁边的新目录（目录-2、目录-3……）。`,
	},
}

// command is the subcommand name, with its help and run.
func command(name string, run func(cmd *cobra.Command, args []string) error) *cobra.Command {
	h := help[name]
	return &cobra.Command{Use: h.Use, Short: h.Short, Long: h.Long, Example: h.Example, RunE: run}
}
