// Package chart draws the vector charts of the PDF reports: completion per
// unit as horizontal bars (Bars), the traffic-light distribution as stacked
// 100% bars (Distribution) and completion over the periods as lines
// (Lines). A chart is plain data — labels, and values between 0 and 1 — and
// draws through Canvas, which the PDF layout implements with the page's own
// lines, rectangles and embedded fonts, so nothing is rasterised.
//
// Reports are printed in colour and in black and white, so no meaning rests
// on colour alone: distribution segments carry their word (绿/黄/红/灰), line
// series carry distinct marker shapes, and the 序时进度 marker is a tick.
//
// A chart draws only inside the rectangle it is given. Values that are
// negative, above 100% or infinite are clamped; NaN means no data and reads
// 无数据; a chart with nothing to show prints 无数据.
package chart
