#!/usr/bin/env python3
"""Writes the demo shop of assets/demo/: 小美家居旗舰店, three months (2024-01 .. 2024-03).

Usage:
  python3 tools/make_demo.py [--out DIR]
      writes roster.csv, metrics-2024-0{1,2,3}.csv, events-2024-0{1,2,3}.csv and README.md
      (default DIR: assets/demo next to this script's parent). Deterministic: a fixed seed,
      no clock, no network; running it twice gives the same bytes.
  python3 tools/make_demo.py --check KEFU [--scheme ID]... [--work DIR]
      runs the earlier-results chain with the `kefu` binary for each scheme (default: every
      preset in assets/presets/ plus the ones the demo is meant for): 2024-01, then 2024-02
      with --history of January's JSON, then 2024-03 with both; prints one line per scheme.

Python 3 standard library only. The story and the cases the data exercises are described in
assets/demo/README.md (written by this script); the generator checks its own story (exam
streaks, composite ranks, probation stages, targets) and stops with an error when a change to
the numbers breaks one of the claims.
"""
import argparse
import calendar
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile

SEED = 20240331
SHOP = "小美家居旗舰店"
MONTHS = ["2024-01", "2024-02", "2024-03"]

# ---------------------------------------------------------------------------------------------
# Agents. Order = input order of every file. `months`: the periods the agent appears in.
# status/regular_since/level as of the period's last day are given per month where they change.
# ---------------------------------------------------------------------------------------------
A, B, S = "售前A组", "售前B组", "售后组"
ALL = MONTHS

AGENTS = [
    # name, group, hire, regular_since, level, nicknames, months
    dict(name="王喆", group=A, hire="2021-02-08", regular="2021-05-10", level="资深", nick=["小喆"]),
    dict(name="刘思雨", group=A, hire="2022-03-01", regular="2022-06-01", level="高级", nick=["思雨"]),
    dict(name="陈玥", group=A, hire="2023-03-06", regular="2023-06-05", level="中级", nick=["玥玥"]),
    dict(name="赵宇航", group=A, hire="2023-03-01", regular="2023-06-01", level="高级", nick=["宇航"]),
    dict(name="孙浩然", group=A, hire="2023-08-14", regular="2023-11-13", level="初级", nick=["浩然"]),
    dict(name="周婷婷", group=A, hire="2022-10-10", regular="2023-01-09", level="中级", nick=["婷婷"]),
    # probation 2m in January, 3m in February, regular from 2024-03-01
    dict(name="林小美", group=A, hire="2023-11-15", regular=None, level="初级", nick=["小美"],
         regular_from="2024-03-01"),
    dict(name="吴梓萱", group=A, hire="2024-01-22", regular=None, level="初级", nick=["梓萱"]),
    dict(name="李赟", group=B, hire="2020-07-01", regular="2020-10-01", level="资深", nick=["阿赟"]),
    dict(name="郑凯文", group=B, hire="2021-09-01", regular="", level="高级", nick=["凯文"]),  # no 转正日期
    dict(name="黄佳怡", group=B, hire="2022-11-07", regular="2023-02-06", level="中级", nick=["佳怡"]),
    dict(name="马俊杰", group=B, hire="2022-05-16", regular="2022-08-15", level="中级", nick=["阿杰", "阿杰02"]),
    dict(name="何欣怡", group=B, hire="2023-04-10", regular="2023-07-10", level="初级", nick=["欣怡"]),
    dict(name="许文博", group=B, hire="2023-05-22", regular="2023-08-21", level="", nick=["文博"]),  # no 级别
    dict(name="唐雨桐", group=B, hire="2023-12-20", regular=None, level="初级", nick=["雨桐"]),
    dict(name="高子涵", group=B, hire="2024-02-05", regular=None, level="初级", nick=["子涵"],
         months=["2024-02", "2024-03"]),
    dict(name="张堃", group=S, hire="2019-03-11", regular="2019-06-10", level="资深", nick=["售后堃哥"]),
    dict(name="杨帆", group=S, hire="2021-06-07", regular="2021-09-06", level="高级", nick=["售后杨帆"]),
    dict(name="罗晓燕", group=S, hire="2022-08-01", regular="2022-11-01", level="中级", nick=["售后晓燕"]),
    dict(name="邓佳琪", group=S, hire="2023-09-04", regular="2023-12-04", level="初级", nick=["售后佳琪"]),
    dict(name="谢雨萌", group=S, hire="2024-03-27", regular=None, level="初级", nick=["售后雨萌"],
         months=["2024-03"]),
]

# ---------------------------------------------------------------------------------------------
# Per-agent profile: typical daily receptions, inquiry share, conversion, order value, response
# time (s), tests and ratings. Month values = profile + seeded noise, then the overrides below.
# ---------------------------------------------------------------------------------------------
P = {
    #        daily inq   conv  aov  resp  exam typing acc   att qa_r  hours praise low  comp(team,hand,rev,abil)
    "王喆":   (62, 0.62, 0.50, 236, 14.0, 97, 112, 0.96, 96, 1.18, 8.6, 38, 0, (28, 19, 28, 17)),
    "刘思雨": (58, 0.60, 0.44, 221, 19.0, 92, 104, 0.93, 93, 1.10, 8.3, 27, 1, (26, 17, 26, 17)),
    "陈玥":   (55, 0.58, 0.41, 208, 22.0, 90, 108, 0.89, 90, 1.05, 8.0, 21, 1, (25, 17, 24, 16)),
    "赵宇航": (54, 0.57, 0.39, 214, 24.0, 86, 95, 0.91, 88, 1.02, 7.9, 18, 1, (24, 16, 24, 15)),
    "孙浩然": (38, 0.55, 0.34, 196, 42.0, 78, 68, 0.86, 82, 0.86, 6.4, 6, 2, (22, 15, 22, 14)),
    "周婷婷": (52, 0.57, 0.38, 204, 26.0, 70, 88, 0.90, 88, 0.98, 7.8, 15, 1, (23, 16, 23, 15)),
    "林小美": (56, 0.58, 0.42, 210, 23.0, 91, 96, 0.91, 90, 1.04, 8.1, 16, 0, (24, 16, 24, 15)),
    "吴梓萱": (30, 0.55, 0.30, 190, 29.0, 76, 72, 0.86, 85, 0.92, 7.2, 3, 0, (20, 14, 20, 13)),
    "李赟":   (64, 0.61, 0.47, 242, 16.0, 96, 100, 0.90, 95, 1.16, 8.5, 35, 0, (27, 18, 27, 17)),
    "郑凯文": (57, 0.58, 0.42, 226, 21.0, 88, 85, 0.92, 90, 1.06, 8.0, 20, 1, (25, 17, 25, 16)),
    "黄佳怡": (55, 0.58, 0.40, 218, 23.0, 87, 92, 0.92, 90, 1.03, 8.0, 17, 1, (25, 16, 24, 16)),
    "马俊杰": (66, 0.60, 0.43, 230, 20.5, 89, 98, 0.94, 91, 1.08, 8.2, 24, 1, (25, 17, 25, 16)),
    "何欣怡": (48, 0.56, 0.36, 200, 31.0, 74, 80, 0.88, 84, 0.92, 7.0, 9, 2, (17, 12, 17, 12)),
    "许文博": (50, 0.57, 0.38, 205, 27.0, 80, 76, 0.89, 86, 0.97, 7.6, 12, 1, (22, 15, 22, 14)),
    "唐雨桐": (40, 0.55, 0.33, 195, 38.0, 58, 72, 0.86, 84, 0.93, 7.4, 5, 1, (20, 13, 20, 13)),
    "高子涵": (26, 0.55, 0.30, 190, 33.0, 80, 70, 0.85, 86, 0.95, 7.3, 2, 0, (20, 13, 20, 13)),
    "张堃":   (46, 0.06, 0.30, 180, 18.0, 94, 101, 0.94, 95, 1.22, 8.4, 30, 0, (27, 18, 27, 17)),
    "杨帆":   (44, 0.05, 0.28, 175, 27.0, 85, 90, 0.92, 87, 1.10, 8.0, 14, 1, (23, 13, 24, 15)),
    "罗晓燕": (41, 0.05, 0.25, 170, 29.0, 80, 84, 0.91, 88, 1.12, 7.8, 12, 1, (24, 16, 24, 15)),
    "邓佳琪": (39, 0.05, 0.25, 168, 32.0, 76, 80, 0.90, 85, 1.00, 7.5, 8, 1, (22, 15, 22, 14)),
    "谢雨萌": (20, 0.04, 0.20, 160, 45.0, 0, 58, 0.84, 85, 0.90, 7.0, 0, 0, (18, 12, 18, 12)),
}

# Working days per month: the shop closes 春节 2024-02-08 .. 02-17 (值班 on a rota), so February
# is short. Specific agents differ (hired mid-month, leave).
WORKDAYS = {"2024-01": 24, "2024-02": 17, "2024-03": 25}
WORKDAYS_OVERRIDE = {
    ("2024-01", "吴梓萱"): 8,      # hired 01-22
    ("2024-02", "高子涵"): 14,     # hired 02-05, worked through 春节 on the rota
    ("2024-03", "谢雨萌"): 4,      # hired 03-27
    ("2024-03", "黄佳怡"): 20,     # 事假 03-18 .. 03-22, missed the exam
    ("2024-02", "张堃"): 21,       # 春节值班
    ("2024-01", "孙浩然"): 21,
}

# Overrides: exact values that the story needs (counts override the derived ones).
OVR = {
    # --- January ---
    ("2024-01", "王喆"): dict(exam=97, typing=112, acc=0.96, low=0, praise=38, resp=14.2, comp=(28, 19, 28, 17)),
    # conversion exactly 45% (90 / 200) and response exactly 20 s: both targets met at the boundary
    ("2024-01", "刘思雨"): dict(inquiries=760, paid=342, resp=20.0, exam=93),
    ("2024-01", "陈玥"): dict(typing=108, acc=0.89, exam=90),          # fast typist, accuracy 89%: no typing reward
    ("2024-01", "孙浩然"): dict(typing=68, resp=42.0, daily=32, exam=77),  # < 70 typing, slow, low volume
    ("2024-01", "周婷婷"): dict(exam=55),                              # exam fail #1 (also last of 售前A组)
    ("2024-01", "林小美"): dict(daily=50, conv=0.40, resp=38.0, typing=82, acc=0.90, exam=88, low=0),
    ("2024-01", "吴梓萱"): dict(daily=14, aov=210, conv=0.26, resp=29.0, typing=66, acc=0.84, exam=74, low=0),
    ("2024-01", "李赟"): dict(exam=95, typing=100, acc=0.90, low=0, praise=35, resp=16.0,  # every target,
                              comp=(26, 18, 26, 17)),                                 # 4 at the boundary
    ("2024-01", "何欣怡"): dict(exam=66, comp=(18, 13, 19, 14)),       # 64 - 2 = 62: not yet below 60
    ("2024-01", "唐雨桐"): dict(exam=58, daily=26, aov=270, conv=0.31, resp=40.0, typing=72, acc=0.86, low=1),
    ("2024-01", "张堃"): dict(resp=18.0, exam=92, low=0, praise=30, comp=(26, 17, 26, 16)),
    ("2024-01", "罗晓燕"): dict(exam=72),                              # tied last of 售后组 with 邓佳琪
    ("2024-01", "邓佳琪"): dict(exam=72),
    ("2024-01", "许文博"): dict(typing=76),                            # 163 days regular: minimum 70, passes
    # --- February ---
    ("2024-02", "王喆"): dict(exam=98, comp=(27, 18, 27, 16)),         # composite 88 + 5 = 93, tied first with 李赟
    ("2024-02", "李赟"): dict(exam=93, comp=(27, 18, 26, 17)),         # 88 + 5 = 93
    ("2024-02", "周婷婷"): dict(exam=58),                              # exam fail #2 -> re_exam
    ("2024-02", "林小美"): dict(daily=55, conv=0.43, resp=36.0, typing=102, acc=0.92, exam=96, low=0),
    ("2024-02", "吴梓萱"): dict(daily=26, aov=300, conv=0.28, resp=41.0, typing=73, acc=0.86, exam=82, low=1),
    ("2024-02", "郑凯文"): dict(low=2, praise=11),
    ("2024-02", "何欣怡"): dict(exam=68, comp=(16, 12, 17, 16),        # 61 - 10 = 51 < 60
                              conv=0.37),                             # rank points tied with 许文博
    ("2024-02", "唐雨桐"): dict(exam=52, daily=46, conv=0.36, resp=44.0, typing=76, acc=0.87, low=1),
    ("2024-02", "高子涵"): dict(daily=18, aov=280, conv=0.27, resp=38.0, typing=70, acc=0.85, exam=80, low=0),
    ("2024-02", "张堃"): dict(exam=95, resp=18.5, comp=(25, 16, 25, 15)),
    ("2024-02", "罗晓燕"): dict(exam=83, hours=5.6, opinions=3, qa=1.30),  # DSR attitude exactly 3.5: no warning
    ("2024-02", "邓佳琪"): dict(exam=70),                              # last of 售后组 again -> re_exam
    ("2024-02", "杨帆"): dict(comp=(23, 10, 24, 15)),
    # --- March ---
    ("2024-03", "王喆"): dict(exam=97, comp=(28, 19, 27, 17),          # 91 + 10 = 101: first three months in a row
                            aov=265),                                 # 女王节 bundles: 售前A组 wins March
    ("2024-03", "刘思雨"): dict(aov=245),
    ("2024-03", "周婷婷"): dict(exam=81),
    ("2024-03", "林小美"): dict(exam=92, typing=103, acc=0.93,         # regular since 03-01: bonus, not bounty
                              resp=24.1),                             # rank points tied with 陈玥
    ("2024-03", "吴梓萱"): dict(daily=47, conv=0.37, resp=47.0, typing=78, acc=0.88, exam=86, low=1),
    ("2024-03", "孙浩然"): dict(comp=(22, 15, 24, 17)),                 # 78 - 4 x 2 - 20 = 50
    ("2024-03", "黄佳怡"): dict(exam=None, inquiries=600, paid=246),   # exam written as '-'; conversion 41%
    ("2024-03", "马俊杰"): dict(inquiries=1000, paid=410),             # conversion 41%: tied with 黄佳怡
    ("2024-03", "何欣怡"): dict(comp=(18, 13, 18, 14)),                # 63 - 2 x 2 = 59 -> dismissal_risk
    ("2024-03", "唐雨桐"): dict(exam=91, daily=52, conv=0.41, resp=39.0, typing=82, acc=0.88, low=1),
    ("2024-03", "高子涵"): dict(daily=22, conv=0.31, resp=45.0, typing=72, acc=0.86, exam=82, low=1),
    ("2024-03", "谢雨萌"): dict(exam=None, typing=58, acc=0.84, inquiries=0, paid=0),  # new: no exam yet
    ("2024-03", "邓佳琪"): dict(exam=84, comp=(23, 16, 24, 15)),       # 78 - 15 = 63
    ("2024-03", "罗晓燕"): dict(exam=80),
    ("2024-03", "张堃"): dict(inquiries=0, paid=0),                    # all after-sales, no pre-sales inquiry
}

for _m in MONTHS:  # 郑凯文 and 黄佳怡 share the same 服务态度 every month (a rank tie in 售前B组)
    for _n in ("郑凯文", "黄佳怡"):
        OVR.setdefault((_m, _n), {})["attitude"] = 90
DASH_CELL = ("2024-03", "黄佳怡", "考试成绩")

# ---------------------------------------------------------------------------------------------
# Events per month: (agent, day, kind, count, points, note).
# ---------------------------------------------------------------------------------------------
EVENTS = {
    "2024-01": [
        ("王喆", 5, "add_top_workload", "", "", "年货节首周接待量全店第一"),
        ("王喆", 12, "check_good:upsell", "", "", "主动推荐收纳套装，客单价提升"),
        ("王喆", 19, "check_good:help", "", "", "带教新人吴梓萱"),
        ("刘思雨", 8, "check_good:polite", "", "", "买家留言点名表扬态度好"),
        ("刘思雨", 22, "late", "", "", "迟到10分钟"),
        ("刘思雨", 22, "check_bad:on_time", "", "", "迟到10分钟"),
        ("陈玥", 16, "check_good:learning", "", "", "自学新品面料知识并整理成话术"),
        ("赵宇航", 10, "check_bad:phrases", "", "", "质检抽查缺少结束语"),
        ("赵宇航", 25, "check_na:aftersales", "", "", "本月未接售后单"),
        ("孙浩然", 3, "late", "", "", "迟到15分钟"),
        ("孙浩然", 11, "missed_weekly_report", "", "", "第2周周报未交"),
        ("孙浩然", 25, "missed_weekly_report", "", "", "第4周周报未交"),
        ("孙浩然", 17, "check_bad:no_chatter", "", "", "工作群闲聊刷屏"),
        ("孙浩然", 17, "violation_light", "", "", "工作时间闲聊"),
        ("周婷婷", 26, "absence", "", "", "旷工半天未请假"),
        ("周婷婷", 14, "check_bad:accurate", "", "", "尺寸回答错误导致退货"),
        ("林小美", 9, "check_good:tasks", "", "", "按时完成年货节预热任务"),
        ("林小美", 30, "attitude_good", "", "", "主管评定：学习积极，服务态度好"),
        ("吴梓萱", 29, "attitude_good", "", "", "新人第一周，态度认真"),
        ("李赟", 15, "add_suggestion", "", "", "建议详情页增加尺寸对照表，已采纳"),
        ("李赟", 20, "check_good:accurate", "", "", "质检满分"),
        ("郑凯文", 23, "complaint", "", "", "买家投诉回复敷衍"),
        ("黄佳怡", 18, "early_leave", "", "", "早退30分钟"),
        ("马俊杰", 6, "add_extra_work", "", "", "周末加班处理年货节订单"),
        ("马俊杰", 6, "check_good:adapt", "", "", "系统故障时手工登记订单"),
        # two complaints in one line: the 1st and the 2nd complaint of the month
        ("何欣怡", 12, "complaint", 2, "", "两位买家投诉发货时间承诺不实"),
        ("何欣怡", 12, "violation_light", "", "", "承诺发货时间与仓库不符"),
        ("何欣怡", 24, "off_task", "", "", "上班时间刷短视频"),
        ("何欣怡", 24, "check_bad:no_distraction", "", "", "上班时间刷短视频"),
        ("许文博", 8, "leave", "", "", "事假1天"),
        ("唐雨桐", 16, "check_bad:typos", "", "", "回复多处错别字"),
        ("张堃", 13, "add_zero_complaints", "", "", "售后零投诉"),
        ("张堃", 13, "check_good:aftersales", "", "", "妥善处理破损换货"),
        ("杨帆", 10, "missed_handover", "", "", "夜班交接表未填写"),
        ("杨帆", 27, "late", 2, "", "两次迟到"),
        ("罗晓燕", 19, "missed_cleaning", "", "", "值日未打扫工位区"),
        ("邓佳琪", 21, "check_good:feedback", "", "", "及时反馈物流异常"),
        ("邓佳琪", 31, "check_na:upsell", "", "", "售后岗位不适用"),
    ],
    "2024-02": [
        ("王喆", 2, "add_top_workload", "", "", "春节前备货期接待量第一"),
        ("王喆", 26, "check_good:improve", "", "", "优化催付话术"),
        ("刘思雨", 20, "check_good:upsell", "", "", "节后返场活动关联销售"),
        ("陈玥", 6, "late", "", "", "迟到5分钟"),
        ("赵宇航", 21, "check_bad:phrases", "", "", "再次缺少开头语"),
        ("周婷婷", 23, "check_bad:accurate", "", "", "活动规则解释错误"),
        ("林小美", 22, "check_good:polite", "", "", "买家点名表扬"),
        ("林小美", 27, "attitude_good", "", "", "三个月考核期表现稳定"),
        ("吴梓萱", 20, "attitude_good", "", "", "转化率偏低但学习主动"),
        ("李赟", 12, "add_cover_shift", "", "", "春节期间替班值守"),
        ("李赟", 12, "check_good:cooperate", "", "", "主动承担春节值班"),
        # the 1st, 2nd and 3rd complaint of the month (the 3rd on the leap day)
        ("郑凯文", 5, "complaint", "", "", "买家投诉未按约定改价"),
        ("郑凯文", 18, "complaint", "", "", "买家投诉态度生硬"),
        ("郑凯文", 29, "complaint", "", "", "买家投诉推荐尺码错误"),
        ("郑凯文", 18, "violation_medium", "", "", "与买家争执"),
        ("郑凯文", 29, "violation_medium", "", "", "未核实库存即承诺发货"),
        ("黄佳怡", 7, "check_good:rules", "", "", "严格执行退款审核流程"),
        ("马俊杰", 19, "check_good:tasks", "", "", "两个账号同时值守"),
        ("何欣怡", 6, "violation_medium", "", "", "私下承诺买家额外赠品"),
        ("何欣怡", 22, "late", "", "", "迟到20分钟"),
        ("何欣怡", 26, "missed_weekly_report", "", "", "周报未交"),
        ("许文博", 20, "early_leave", "", "", "早退1小时"),
        ("唐雨桐", 27, "attitude_bad", "", "", "多次顶撞组长，考试不及格"),
        ("唐雨桐", 27, "check_bad:accurate", "", "", "商品参数回答错误"),
        ("高子涵", 26, "attitude_good", "", "", "入职半月，态度积极"),
        ("张堃", 16, "add_cover_shift", "", "", "大年初七替班"),
        ("张堃", 16, "add_extra_work", "", "", "整理售后快捷短语库"),
        # missed handovers 1..4: 30, 50, 80, then withhold_salary
        ("杨帆", 2, "missed_handover", "", "", "早班交接遗漏退款单"),
        ("杨帆", 9, "missed_handover", "", "", "年前交接未说明换货进度"),
        ("杨帆", 19, "missed_handover", "", "", "节后交接遗漏"),
        ("杨帆", 26, "missed_handover", "", "", "交接表空白"),
        ("罗晓燕", 5, "check_good:polite", "", "", "安抚情绪激动的买家"),
        ("邓佳琪", 20, "absence", "", "", "节后未按时返岗一天"),
        ("邓佳琪", 21, "check_bad:feedback", "", "", "物流异常未上报"),
    ],
    "2024-03": [
        ("王喆", 8, "add_top_workload", "", "", "女王节大促接待量第一"),
        ("王喆", 8, "add_full_exam", "", "", "三月产品考试成绩优异"),
        ("王喆", 15, "check_good:upsell", "", "", "大促客单价全组最高"),
        ("刘思雨", 11, "check_good:accurate", "", "", "质检抽查零差错"),
        ("陈玥", 20, "add_suggestion", "", "", "提出新品预售话术"),
        ("赵宇航", 4, "late", "", "", "迟到8分钟"),
        ("赵宇航", 18, "check_good:phrases", "", "", "开头语结束语已改正"),
        # four light violations (one line counts 2): 2 points each plus the further 20
        ("孙浩然", 5, "violation_light", 2, "", "两次未使用快捷短语导致回复慢"),
        ("孙浩然", 14, "violation_light", "", "", "工作时间玩手机"),
        ("孙浩然", 14, "off_task", "", "", "工作时间玩手机游戏"),
        ("孙浩然", 26, "violation_light", "", "", "私聊无关内容"),
        ("孙浩然", 26, "check_bad:no_distraction", "", "", "工作时间玩手机"),
        # missed weekly reports 1..3: 50, 100, 200
        ("周婷婷", 4, "missed_weekly_report", "", "", "第1周周报未交"),
        ("周婷婷", 11, "missed_weekly_report", "", "", "第2周周报未交"),
        ("周婷婷", 25, "missed_weekly_report", "", "", "第4周周报未交"),
        ("林小美", 1, "check_good:learning", "", "", "转正后主动学习大促规则"),
        ("吴梓萱", 8, "attitude_bad", "", "", "大促当天擅自离岗"),
        ("吴梓萱", 26, "attitude_good", "", "", "主动加班补课，态度明显改善"),
        ("李赟", 22, "check_good:help", "", "", "带新人高子涵"),
        ("郑凯文", 12, "add_zero_complaints", "", "", "本月零投诉"),
        ("黄佳怡", 18, "leave", 5, "", "事假5天（03-18至03-22）"),
        ("马俊杰", 8, "add_extra_work", "", "", "女王节通宵值守"),
        ("马俊杰", 29, "late", "", "", "迟到3分钟"),
        ("何欣怡", 9, "violation_light", "", "", "大促期间回复超时"),
        ("何欣怡", 23, "violation_light", "", "", "未按规定备注订单"),
        ("何欣怡", 23, "check_bad:tasks", "", "", "未完成催付任务"),
        ("许文博", 15, "missed_cleaning", "", "", "值日未清理"),
        ("唐雨桐", 20, "attitude_good", "", "", "补考通过，态度端正"),
        ("高子涵", 29, "attitude_good", "", "", "组长评价：积极"),
        ("高子涵", 29, "attitude_bad", "", "", "主管评价：多次推诿买家问题"),
        ("张堃", 28, "check_good:aftersales", "", "", "处理大促退货高峰"),
        # missed handovers 1..5: 30, 50, 80, withhold_salary, auto_resign
        ("杨帆", 4, "missed_handover", "", "", "交接遗漏补发单"),
        ("杨帆", 11, "missed_handover", 2, "", "两个班次未交接"),
        ("杨帆", 20, "missed_handover", "", "", "交接遗漏退款进度"),
        ("杨帆", 28, "missed_handover", "", "", "交接表空白"),
        ("罗晓燕", 8, "early_leave", "", "", "早退20分钟"),
        ("邓佳琪", 13, "data_leak", "", "", "将买家手机号发到外部群"),
        ("邓佳琪", 13, "violation_severe", "", 15, "泄露买家信息，主管酌情扣15分"),
        ("邓佳琪", 13, "check_bad:rules", "", "", "违反信息安全制度"),
        ("谢雨萌", 29, "check_na:upsell", "", "", "新人未上岗售前"),
    ],
}

CHECKLIST_ITEMS = ["on_time", "rules", "cooperate", "help", "no_distraction", "no_chatter",  # conduct
                   "polite", "accurate", "upsell", "aftersales", "phrases", "typos",         # chat
                   "tasks", "learning", "feedback", "adapt", "improve"]                      # execution

HEADER_AGENT = ["客服", "组别", "状态", "入职日期", "转正日期", "级别"]
HEADER_METRICS = ["接待人数", "咨询人数", "询单人数", "下单人数", "付款人数", "销售额", "销售量", "退款人数",
                  "回复人数", "慢响应人数", "买家消息数", "客服消息数", "出勤天数", "客户意见收集", "低评数",
                  "点名好评数", "投诉数", "平均响应时间", "首次响应时间", "3分钟响应率", "平均日服务时长",
                  "考试成绩", "打字速度", "打字正确率", "服务态度", "满意度", "质检得分", "问题解决率",
                  "平均处理时长", "团队任务", "交接与完成", "回访满意度", "业务素质", "日常行为规范评分",
                  "聊天质量评分", "执行力评分"]
RATE_COLUMNS = {"3分钟响应率", "打字正确率", "问题解决率"}


def last_day(month):
    y, m = map(int, month.split("-"))
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def date_of(s):
    return dt.date.fromisoformat(s) if s else None


def months_of(a):
    if "months" in a:
        return a["months"]
    hire = date_of(a["hire"])
    return [m for m in MONTHS if hire <= last_day(m)]


def status_in(a, month):
    rf = a.get("regular_from")
    if a["regular"] is None and not (rf and date_of(rf) <= last_day(month)):
        return "试用"
    return "转正"


def regular_since_in(a, month):
    rf = a.get("regular_from")
    if rf and date_of(rf) <= last_day(month):
        return rf
    return a["regular"] or ""


# ---------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------
def make_month(month, rng):
    rows = []
    for a in AGENTS:
        if month not in months_of(a):
            continue
        name = a["name"]
        (daily, inq, conv, aov, resp, exam, typing, acc, att, qa, hours, praise, low, comp) = P[name]
        presales = a["group"] != S
        # Every random number is drawn whether or not an override replaces it, so that changing
        # one agent's override leaves every other value of the file as it was.
        n = dict(
            wd=rng.randint(0, 2), daily=rng.uniform(0.94, 1.06), inq=rng.uniform(0.96, 1.04),
            conv=rng.uniform(-0.02, 0.02), sales=rng.uniform(0.95, 1.05),
            ordered=rng.random(), units=rng.uniform(1.3, 1.8),
            refund=rng.uniform(0.03, 0.07) if presales else rng.uniform(0.10, 0.20),
            consult=rng.randint(4, 30), replied=rng.uniform(0.0, 0.04), resp=rng.uniform(-1.5, 1.5),
            slow=rng.uniform(-0.01, 0.01), buyer=rng.uniform(5.2, 7.0), qa=rng.uniform(-0.04, 0.04),
            first=rng.uniform(0.55, 0.7), r3=rng.uniform(-0.01, 0.005), hours=rng.uniform(-0.3, 0.3),
            opinions=rng.randint(0, 6), low=rng.choice([-1, 0, 0, 1]), praise=rng.uniform(0.85, 1.1),
            exam=rng.randint(-3, 3), typing=rng.randint(-3, 3), acc=rng.uniform(-0.01, 0.01),
            att=rng.randint(-2, 1), csat=rng.uniform(-0.05, 0.05), qa_score=rng.randint(-4, 3),
            resolution=rng.uniform(0.90, 0.99) if presales else rng.uniform(0.86, 0.97),
            handle=rng.uniform(260, 420) if presales else rng.uniform(380, 620),
            comp=[rng.choice([-1, 0, 0, 1]) for _ in range(4)],
            ratings=[rng.choice([-1, 0, 0, 1]) for _ in range(3)],
        )
        o = OVR.get((month, name), {})
        wd = WORKDAYS_OVERRIDE.get((month, name), WORKDAYS[month] - n["wd"])
        if month == "2024-02":  # 春节: fewer buyers per day
            daily = daily * 0.85
        daily = o.get("daily", daily * n["daily"])
        receptions = int(round(daily * wd))
        inquiries = o.get("inquiries", int(round(receptions * inq * n["inq"])))
        paid = o.get("paid", int(round(inquiries * o.get("conv", conv + n["conv"]))))
        sales = round(paid * o.get("aov", aov) * n["sales"], 2)
        if paid == 0:
            sales = 0.0
        ordered = paid + (2 + int(n["ordered"] * max(1, paid // 12)) if paid else 0)
        units = int(round(paid * n["units"]))
        refunds = int(round(ordered * n["refund"]))
        consultations = receptions + n["consult"]
        replied = receptions - int(round(receptions * n["replied"]))
        resp_v = o.get("resp", round(resp + n["resp"], 1))
        slow = int(round(receptions * min(0.15, max(0.005, (resp_v - 10) / 400 + n["slow"]))))
        buyer_msgs = int(round(receptions * n["buyer"]))
        agent_msgs = int(round(buyer_msgs * o.get("qa", qa + n["qa"])))
        first_resp = round(resp_v * n["first"], 1)
        r3 = round(min(0.999, 1.0 - resp_v / 900 + n["r3"]), 3)
        hours_v = o.get("hours", round(hours + n["hours"], 1))
        opinions = o.get("opinions", n["opinions"] if wd > 5 else 0)
        low_v = o.get("low", max(0, low + n["low"]) if low else 0)
        praise_v = o.get("praise", int(round(praise * wd / 24 * n["praise"])))
        exam_v = o["exam"] if "exam" in o else max(0, min(100, exam + n["exam"]))
        typing_v = o.get("typing", typing + n["typing"])
        acc_v = o.get("acc", round(min(0.99, acc + n["acc"]), 3))
        att_v = o.get("attitude", att + n["att"])
        csat = round(min(4.99, 4.55 + (att_v - 80) / 40 + n["csat"]), 2)
        qa_score = min(100, att_v + n["qa_score"])
        resolution = round(n["resolution"], 3)
        handle = int(round(n["handle"]))
        if "comp" in o:
            team, hand, rev, abil = o["comp"]
        else:
            team, hand, rev, abil = (max(0, c + d) for c, d in zip(comp, n["comp"]))
        team, hand, rev, abil = min(team, 30), min(hand, 20), min(rev, 30), min(abil, 20)
        base_rating = att_v / 10 - 1
        conduct, chat, execution = (min(10, max(4, int(round(base_rating + d - (0.5 if k == 2 else 0)))))
                                    for k, d in enumerate(n["ratings"]))
        complaints = sum(int(e[3] or 1) for e in EVENTS[month] if e[0] == name and e[2] == "complaint")
        rows.append(dict(
            agent=a, name=name, month=month,
            values={
                "接待人数": receptions, "咨询人数": consultations, "询单人数": inquiries, "下单人数": ordered,
                "付款人数": paid, "销售额": sales, "销售量": units, "退款人数": refunds, "回复人数": replied,
                "慢响应人数": slow, "买家消息数": buyer_msgs, "客服消息数": agent_msgs, "出勤天数": wd,
                "客户意见收集": opinions, "低评数": low_v, "点名好评数": praise_v, "投诉数": complaints,
                "平均响应时间": resp_v, "首次响应时间": first_resp, "3分钟响应率": r3, "平均日服务时长": hours_v,
                "考试成绩": exam_v, "打字速度": typing_v, "打字正确率": acc_v, "服务态度": att_v, "满意度": csat,
                "质检得分": qa_score, "问题解决率": resolution, "平均处理时长": handle, "团队任务": team,
                "交接与完成": hand, "回访满意度": rev, "业务素质": abil, "日常行为规范评分": conduct,
                "聊天质量评分": chat, "执行力评分": execution,
            }))
    return rows


def apply_story_edits(months):
    """Edits that need the generated rows of a whole month (ties between agents)."""
    feb = {r["name"]: r for r in months["2024-02"]}
    # Tied sales in 售前A组 (February): 周婷婷 sold exactly what 陈玥 sold; they share the rank.
    feb["周婷婷"]["values"]["销售额"] = feb["陈玥"]["values"]["销售额"]


# ---------------------------------------------------------------------------------------------
# Formatting: the months are written the way three different exports look.
# 2024-01: rates as "96.5%", dates ISO, money plain, UTF-8 with BOM (saved from Excel).
# 2024-02: rates as fractions "0.965", dates "2023/11/15", money "58,230.50".
# 2024-03: 3分钟响应率 as percent numbers without % ("96.5"), the other rates "96.5%",
#          money "¥58230.50", one '-' cell.
# ---------------------------------------------------------------------------------------------
def fmt_num(v, digits):
    s = f"{v:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_cell(month, col, v):
    if v is None:
        return ""
    if col in RATE_COLUMNS:
        if month == "2024-02":
            return fmt_num(v, 4)
        if month == "2024-03" and col == "3分钟响应率":
            return fmt_num(v * 100, 2)
        return fmt_num(v * 100, 2) + "%"
    if col == "销售额":
        if month == "2024-02":
            return f"{v:,.2f}"
        if month == "2024-03":
            return f"¥{v:.2f}"
        return f"{v:.2f}"
    if isinstance(v, float):
        return fmt_num(v, 2)
    return str(v)


def fmt_date(month, s):
    if not s:
        return ""
    if month == "2024-02":
        d = date_of(s)
        return f"{d.year}/{d.month}/{d.day}"
    return s


def csv_line(cells):
    out = []
    for c in cells:
        c = str(c)
        if any(ch in c for ch in ',"\n\r'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out) + "\n"


def write(path, text, bom=False):
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def metrics_csv(month, rows):
    lines = [csv_line(HEADER_AGENT + HEADER_METRICS)]
    for r in rows:
        a = r["agent"]
        cells = [a["name"], a["group"], status_in(a, month), fmt_date(month, a["hire"]),
                 fmt_date(month, regular_since_in(a, month)), a["level"]]
        for col in HEADER_METRICS:
            if (month, r["name"], col) == DASH_CELL:
                cells.append("-")
            else:
                cells.append(fmt_cell(month, col, r["values"][col]))
        lines.append(csv_line(cells))
    return "".join(lines)


def events_csv(month):
    y, m = map(int, month.split("-"))
    lines = [csv_line(["agent", "date", "kind", "count", "points", "note"])]
    for agent, day, kind, count, points, note in sorted(EVENTS[month], key=lambda e: (e[1], order_of(e[0]))):
        lines.append(csv_line([agent, dt.date(y, m, day).isoformat(), kind, count, points, note]))
    return "".join(lines)


def order_of(name):
    return [a["name"] for a in AGENTS].index(name)


def roster_csv():
    lines = [csv_line(["客服", "组别", "状态", "入职日期", "转正日期", "级别", "旺旺昵称"])]
    for a in AGENTS:
        month = MONTHS[-1]
        nick = "|".join(f"{SHOP}:{n}" for n in a["nick"])
        lines.append(csv_line([a["name"], a["group"], status_in(a, month), a["hire"], regular_since_in(a, month),
                               a["level"], nick]))
    return "".join(lines)


# ---------------------------------------------------------------------------------------------
# Self-checks: the claims of the README hold in the generated numbers.
# ---------------------------------------------------------------------------------------------
STAGES = [  # name, days, thresholds (daily_avg_receptions, daily_avg_sales, conv, resp<=, typing, acc, exam, low<=)
    ("7d", 7, (5, 300, 0.20, 30, 60, 0.80, 70, 2)),
    ("15d", 15, (10, 600, 0.25, 40, 65, 0.83, 75, 2)),
    ("1m", 30, (20, 1000, 0.30, 48, 70, 0.85, 80, 1)),
    ("2m", 60, (45, 1200, 0.35, 45, 75, 0.87, 85, 1)),
    ("3m", 90, (50, 1500, 0.40, 40, 80, 0.90, 90, 1)),
]


def stage_of(a, month):
    days = (last_day(month) - date_of(a["hire"])).days
    st = None
    for name, d, th in STAGES:
        if days >= d:
            st = (name, th)
    return days, st


def stage_fails(r):
    v = r["values"]
    days, st = stage_of(r["agent"], r["month"])
    if not st:
        return None
    th = st[1]
    wd = v["出勤天数"]
    conv = v["付款人数"] / v["询单人数"] if v["询单人数"] else None
    got = [v["接待人数"] / wd, v["销售额"] / wd, conv, v["平均响应时间"], v["打字速度"], v["打字正确率"],
           v["考试成绩"], v["低评数"]]
    names = ["daily_avg_receptions", "daily_avg_sales", "conversion_rate", "avg_response_s", "typing_speed",
             "typing_accuracy", "exam_score", "low_ratings"]
    lower = {"avg_response_s", "low_ratings"}
    fails = []
    for n, g, t in zip(names, got, th):
        ok = g is not None and (round(g, 6) <= t if n in lower else round(g, 6) >= t)
        if not ok:
            fails.append(n)
    return st[0], fails


def composite(month, r):
    v = r["values"]
    base = v["团队任务"] + v["交接与完成"] + v["回访满意度"] + v["业务素质"]
    adds = ded = 0
    light = medium = 0
    for agent, _d, kind, count, points, _n in EVENTS[month]:
        if agent != r["name"]:
            continue
        n = int(count or 1)
        if kind.startswith("add_"):
            adds += 5 * n
        if kind.startswith("violation_"):
            per = {"violation_light": 2, "violation_medium": 10, "violation_severe": 20}[kind]
            ded += (points if points != "" else per) * n
            light += n if kind == "violation_light" else 0
            medium += n if kind == "violation_medium" else 0
    if medium >= 2 or light >= 4:
        ded += 20
    return base + adds - ded


def rank_points(rows, month):
    """Rule 1 with the presales-rank defaults, per group over the regular agents (for the self-check)."""
    weights = [("销售额", 0.3, False), ("服务态度", 0.3, False), ("conv", 0.2, False), ("平均响应时间", 0.2, True)]
    out = {}
    for group in (A, B, S):
        g = [r for r in rows if r["agent"]["group"] == group and status_in(r["agent"], month) == "转正"]
        vals = {}
        for r in g:
            v = dict(r["values"])
            v["conv"] = round(v["付款人数"] / v["询单人数"], 6) if v["询单人数"] else None
            vals[r["name"]] = v
        avg = sum(v["接待人数"] for v in vals.values()) / len(vals)
        for name, v in vals.items():
            score = 0.0
            for col, w, lower in weights:
                if v[col] is None:
                    continue
                better = sum(1 for o in vals.values() if o[col] is not None and (o[col] < v[col] if lower else o[col] > v[col]))
                score += (len(vals) - better) * w
            if v["接待人数"] < avg - 10:
                score -= 0.5
            out[name] = round(score, 6)
    return out


def check_story(months):
    problems = []

    def expect(cond, text):
        if not cond:
            problems.append(text)

    by = {m: {r["name"]: r for r in rows} for m, rows in months.items()}
    # Probation stages across the months.
    want_stage = {("2024-01", "林小美"): ("2m", []), ("2024-02", "林小美"): ("3m", []),
                  ("2024-01", "吴梓萱"): ("7d", []), ("2024-02", "吴梓萱"): ("1m", ["conversion_rate"]),
                  ("2024-03", "吴梓萱"): ("2m", ["avg_response_s"]),
                  ("2024-01", "唐雨桐"): ("1m", ["exam_score"]),
                  ("2024-02", "唐雨桐"): ("2m", ["exam_score"]),
                  ("2024-03", "唐雨桐"): ("3m", ["typing_accuracy"]),
                  ("2024-02", "高子涵"): ("15d", []), ("2024-03", "高子涵"): ("1m", ["daily_avg_sales"])}
    for (m, name), (st, fails) in want_stage.items():
        got = stage_fails(by[m][name])
        expect(got == (st, fails), f"{m} {name}: stage {got}, wanted {(st, fails)}")
    days, st = stage_of(next(a for a in AGENTS if a["name"] == "谢雨萌"), "2024-03")
    expect(st is None and days < 7, "谢雨萌 should be stage_pending in 2024-03")
    # Exam fails two months in a row.
    for name in ("周婷婷", "唐雨桐"):
        expect(by["2024-01"][name]["values"]["考试成绩"] < 60 and by["2024-02"][name]["values"]["考试成绩"] < 60,
               f"{name}: exam < 60 in January and February")

    def exam_last(m, group):
        vals = {r["name"]: r["values"]["考试成绩"] for r in months[m] if r["agent"]["group"] == group
                and r["values"]["考试成绩"] is not None}
        low = min(vals.values())
        return sorted(n for n, v in vals.items() if v == low)

    expect(exam_last("2024-01", S) == ["罗晓燕", "邓佳琪"], f"售后组 January last: {exam_last('2024-01', S)}")
    expect(exam_last("2024-02", S) == ["邓佳琪"], f"售后组 February last: {exam_last('2024-02', S)}")
    expect(exam_last("2024-01", A) == ["周婷婷"] and exam_last("2024-02", A) == ["周婷婷"], "售前A组 last")
    # Composite: 王喆 first three months (tied in February with 李赟); some below 60.
    for m in MONTHS:
        scores = {r["name"]: composite(m, r) for r in months[m] if status_in(r["agent"], m) == "转正"}
        top = max(scores.values())
        firsts = sorted(n for n, s in scores.items() if s == top)
        want = ["李赟", "王喆"] if m == "2024-02" else ["王喆"]
        expect(firsts == want, f"{m}: composite first {firsts} ({top}), wanted {want}")
        below = sorted(n for n, s in scores.items() if s < 60)
        want_below = {"2024-01": [], "2024-02": ["何欣怡", "郑凯文"], "2024-03": ["何欣怡", "孙浩然"]}[m]
        expect(below == want_below, f"{m}: composite < 60 {below}, wanted {want_below}")
    expect(composite("2024-03", by["2024-03"]["王喆"]) > 100, "王喆's March composite is above 100")
    # Rank-points ties (售前B组 in February at rank 5, 售前A组 in March at rank 3).
    for m, pair in (("2024-02", ("何欣怡", "许文博")), ("2024-03", ("陈玥", "林小美"))):
        rp = rank_points(months[m], m)
        expect(rp[pair[0]] == rp[pair[1]], f"{m}: rank points of {pair} not tied: {rp[pair[0]]}, {rp[pair[1]]}")
    # Winning group (highest average sales of the regular agents): 售前B组, 售前B组, then 售前A组.
    for m, want in (("2024-01", B), ("2024-02", B), ("2024-03", A)):
        avg = {}
        for g in (A, B):
            sales = [r["values"]["销售额"] for r in months[m] if r["agent"]["group"] == g and status_in(r["agent"], m) == "转正"]
            avg[g] = sum(sales) / len(sales)
        expect(max(avg, key=avg.get) == want, f"{m}: winning group {avg}, wanted {want}")
    # Targets.
    v = by["2024-01"]["刘思雨"]["values"]
    expect(v["付款人数"] / v["询单人数"] == 0.45 and v["平均响应时间"] == 20.0, "刘思雨 at the boundaries")
    v = by["2024-01"]["李赟"]["values"]
    expect(v["考试成绩"] == 95 and v["打字速度"] == 100 and v["打字正确率"] == 0.90 and v["低评数"] == 0
           and v["点名好评数"] == 35 and v["付款人数"] / v["询单人数"] >= 0.45 and v["平均响应时间"] <= 20,
           "李赟 meets every target in January")
    # DSR attitude exactly 3.5 for 罗晓燕 in February.
    v = by["2024-02"]["罗晓燕"]["values"]
    expect(v["客服消息数"] / v["买家消息数"] >= 1.2 and v["平均日服务时长"] == 5.6 and v["客户意见收集"] == 3,
           "罗晓燕's February attitude inputs")
    # Complaints column agrees with the events; no event outside its month; every agent known.
    for m in MONTHS:
        names = set(by[m])
        for e in EVENTS[m]:
            expect(e[0] in names, f"{m}: event for {e[0]} who is not in the month's metrics")
            y, mo = map(int, m.split("-"))
            expect(1 <= e[1] <= calendar.monthrange(y, mo)[1], f"{m}: day {e[1]}")
            if e[2].startswith("attitude_"):
                expect(status_in(next(a for a in AGENTS if a["name"] == e[0]), m) == "试用",
                       f"{m}: attitude event for regular agent {e[0]}")
    # Every event kind of SCORING.md occurs, and every checklist item of rule 7.
    kinds = {e[2] for m in MONTHS for e in EVENTS[m]}
    for k in ("complaint", "missed_handover", "missed_weekly_report", "off_task", "missed_cleaning", "data_leak",
              "late", "early_leave", "absence", "leave", "attitude_good", "attitude_bad", "add_top_workload",
              "add_full_exam", "add_cover_shift", "add_extra_work", "add_zero_complaints", "add_suggestion",
              "violation_light", "violation_medium", "violation_severe"):
        expect(k in kinds, f"event kind {k} does not occur")
    items = {k.split(":", 1)[1] for k in kinds if k.startswith("check_")}
    for k in CHECKLIST_ITEMS:
        expect(k in items, f"checklist item {k} does not occur")
    for prefix in ("check_good:", "check_bad:", "check_na:"):
        expect(any(k.startswith(prefix) for k in kinds), f"no {prefix} event")
    expect(items <= set(CHECKLIST_ITEMS), f"unknown checklist items {items - set(CHECKLIST_ITEMS)}")
    if problems:
        raise SystemExit("make_demo.py: the story does not hold:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------------------------
README = """# 演示店铺：小美家居旗舰店（demo shop）

`assets/demo/` 是 KefuScore 自带的演示数据：网页版用 `?demo=1` 打开它，测试也用它。
所有文件由 `tools/make_demo.py` 生成（固定随机种子，只用 Python 标准库）；不要手改，改生成器后重新运行：

    python3 tools/make_demo.py            # 重新写出 assets/demo/
    python3 tools/make_demo.py --check build/native/kefu   # 逐月打分并用 --history 串联

The files are generated by `tools/make_demo.py` (fixed seed, standard library only). Do not edit them
by hand; change the generator and run it again. It checks its own story and stops if a claim below
no longer holds.

## 故事 / The story

小美家居旗舰店是一家天猫家居店（收纳、床品、小家具），客服部 20 来人，分三组：售前A组、售前B组、售后组。
演示覆盖 2024 年一季度：1 月年货节、2 月春节（02-08 至 02-17 轮流值班，出勤天数少、接待量低）、
3 月女王节大促。主管每月从客服工作台导出绩效表，补上考试、打字、态度和综合考评分，再登记一张事件表
（投诉、迟到、交接遗漏、加减分、定性检查、新人态度评定）。

A Tmall home-goods shop with about 20 customer-service agents in three groups, over Q1 2024:
the New-Year sales in January, Spring Festival in February (short month, rota), the 3.8 promotion in
March. Each month the manager exports the performance sheet, adds the tests and ratings, and keeps an
events sheet.

人物 / People:
- 王喆（售前A组，资深）：全店标杆，三个月综合考评第一（2 月与李赟并列），3 月综合分 101（加分后超过 100，不封顶）。
- 李赟（售前B组，资深）：1 月所有达标项都正好卡在边界：考试 95、打字 100 字/分且正确率 90%、零低评且点名好评 35。
- 刘思雨（售前A组）：1 月询单转化率正好 45%（342/760），平均响应正好 20 秒。
- 陈玥（售前A组）：打字 108 字/分但正确率 89%，拿不到打字奖。2 月与周婷婷销售额相同（该项排名并列）；
  3 月与林小美排序权重分相同（4.3），并列第 3，两人都拿第 3 名的排名奖，下一名是第 5。
- 赵宇航（售前A组，高级）：2023-06-01 才转正，不满 365 天 → `level_not_eligible`。
- 孙浩然（售前A组，初级）：转正不满 182 天，打字 68 < 70 → `typing_below_minimum`；接待量低（量罚 -0.5）、
  响应慢（DSR 效率预警）；1 月两次周报未交；3 月 4 次轻微违规（一行 count=2）→ 额外扣 20，综合分 < 60。
- 周婷婷（售前A组）：1、2 月考试 55、58，连续两月不及格且组内垫底 → `re_exam`；3 月三次周报未交（50/100/200）。
- 林小美（售前A组）：试用期，1 月 2m 阶段、2 月 3m 阶段全部通过（`eligible_for_regularization`），2024-03-01 转正。
- 吴梓萱（售前A组）：2024-01-22 入职，1 月 7d、2 月 1m（转化率未达标，态度好 → `may_advance`）、
  3 月 2m（响应未达标；03-08 态度差、03-26 态度好，日期晚的生效 → `may_advance`）。
- 郑凯文（售前B组，高级，无转正日期）：2 月三次投诉（第 3 次在闰日 02-29）→ 100、200、`dismissal_risk`；
  两次中度违规 → 额外扣 20，综合分 < 60。与黄佳怡服务态度分并列。
- 黄佳怡（售前B组）：3 月事假 5 天，错过考试，考试成绩一格写 `-`（无值，不算不及格）。3 月与马俊杰询单转化率
  相同（246/600 = 410/1000 = 41%）。
- 马俊杰（售前B组）：一人两个旺旺账号（花名册 `小美家居旗舰店:阿杰|小美家居旗舰店:阿杰02`）。月度表已按人汇总；
  平台导出的按昵称报表配 `--roster roster.csv` 时，两个账号的行会合并（计数相加、比率重算）。
- 何欣怡（售前B组）：1 月一行登记两次投诉（count=2）；2、3 月综合分 < 60 → 3 月 `dismissal_risk`。
  2 月与许文博排序权重分相同（1.0），并列第 5。
- 许文博（售前B组）：级别空白（按初级保底）；转正 2023-08-21，2 月起满 182 天，打字 76 < 80 → 从 2 月起
  `typing_below_minimum`（1 月门槛 70，通过）。
- 唐雨桐（售前B组）：试用期，1 月 1m、2 月 2m、3 月 3m；1、2 月考试 58、52 → `lose_regularization`；
  1 月阶段未过且无态度评定 → `attitude_review_needed`；2 月态度差 → `consider_dismissal`。
- 高子涵（售前B组）：2024-02-05 入职，2 月 15d 全部通过；3 月 1m 日均业绩未达标，同一天（03-29）既有态度好又有
  态度差 → 按规则取“差” → `consider_dismissal`。
- 张堃（售后组组长，资深）：响应 18 秒，2 月考试正好 95，3 月询单人数 0 → 询单转化率无值（除以零不算 0）。
- 杨帆（售后组）：2 月 4 次交接遗漏（30/50/80 → `withhold_salary`），3 月 5 次（一行 count=2）→ 还有 `auto_resign`。
- 罗晓燕（售后组）：1 月与邓佳琪考试并列组内最后；2 月 DSR 态度维度正好 3.5（答问比 ≥ 1.2、日服务时长 5.6、
  意见 3 条；浮点直接相加是 3.4999999999999996，按 6 位小数取整后不预警）。
- 邓佳琪（售后组）：1 月并列最后、2 月单独最后 → `re_exam`（没有不及格，靠“连续垫底”触发）；
  3 月泄露买家信息：`data_leak` 罚 150，`violation_severe` 用 points 列改为扣 15 分。
- 谢雨萌（售后组）：2024-03-27 入职，只有 3 月，4 天 → `stage_pending`；打字 58 < 60；还没有考试成绩（空格）。

## 文件 / Files

| 文件 | 内容 |
|---|---|
| `roster.csv` | 花名册（截至 2024-03-31）：客服,组别,状态,入职日期,转正日期,级别,旺旺昵称（`店铺名:昵称`，多个账号用 `|` 分隔） |
| `metrics-2024-01.csv` … `-03.csv` | 每月每人一行：客服,组别,状态,入职日期,转正日期,级别 + 指标（按中文名） |
| `events-2024-01.csv` … `-03.csv` | 事件表：agent,date,kind,count,points,note（备注为中文，日期都在当月内） |

指标列（全部是输入指标，派生指标如询单转化率、客单价、回复率、慢响应人数占比、答问比、退款率、日均接待、
日均业绩都**不给**，由程序计算）：接待人数, 咨询人数, 询单人数, 下单人数, 付款人数, 销售额, 销售量, 退款人数,
回复人数, 慢响应人数, 买家消息数, 客服消息数, 出勤天数, 客户意见收集, 低评数, 点名好评数, 投诉数（与事件表的
complaint 次数一致）, 平均响应时间, 首次响应时间（秒）, 3分钟响应率, 平均日服务时长（小时）, 考试成绩, 打字速度,
打字正确率, 服务态度, 满意度, 质检得分, 问题解决率, 平均处理时长（秒）, 团队任务, 交接与完成, 回访满意度, 业务素质,
日常行为规范评分, 聊天质量评分, 执行力评分。

## 三个月的导出格式不同（导入必须都能读）/ Three export styles

| 月份 | 比率 | 金额 | 日期 | 其他 |
|---|---|---|---|---|
| 2024-01 | `96.5%` | `58230.50` | `2023-11-15` | UTF-8 带 BOM（Excel 另存） |
| 2024-02 | 小数 `0.965` | `58,230.50`（带千分位，加引号） | `2023/11/15` | UTF-8 无 BOM |
| 2024-03 | 3分钟响应率写成不带 % 的百分数 `96.5`（列里有 > 1 的值 → 全列 ÷100），其他比率 `96.5%` | `¥58230.50` | `2023-11-15` | 一格 `-` |

## 覆盖的规则情形 / Cases exercised (SCORING.md)

- 规则 1 排序权重分：三组各自排名；销售额并列（2 月售前A组）、服务态度并列（售前B组每月）、转化率并列
  （3 月售前B组）；总分并列（2 月售前B组第 5、3 月售前A组第 3）；接待量罚分（孙浩然等）；获胜组与活动经费
  （1、2 月售前B组，3 月售前A组）；售后组在 `presales-rank` 中单独成组，在 `shop-default` 中不参加。
- 规则 2 达标奖：转化率 45%、响应 20 秒、考试 95、打字 100/90% 的边界值；试用期达标发悬赏金（林小美 2 月）。
- 规则 3 新人阶段：7d、15d、1m、2m、3m 都出现，`stage_pending`（谢雨萌）；`may_advance`、
  `consider_dismissal`（含同日好坏都有）、`attitude_review_needed`、`eligible_for_regularization`。
- 规则 4 考试打字：连续两月不及格（转正 → `re_exam`，试用 → `lose_regularization`）；连续两月垫底（含并列垫底）；
  缺考（`-`）不算不及格；打字最低线 60 / 70 / 80（含 2 月跨过 182 天的许文博，无转正日期的郑凯文按入职 + 90 天）。
- 规则 5 DSR：孙浩然效率预警；罗晓燕 2 月态度维度正好 3.5（6 位小数取整）；张堃 3 月转化率无值。
- 规则 7 定性加减分：`check_good:` / `check_bad:` / `check_na:`，三类共 17 个条目 id 都出现；也给出
  日常行为规范评分 / 聊天质量评分 / 执行力评分（评分模式）。
- 规则 8 综合考评：三个月连续第一 → 3 月 +100 单项奖（王喆，2 月并列第一）；分数 > 100 不封顶；< 60 罚 100，
  连续两月 → `dismissal_risk`（何欣怡）；两次中度违规、四次轻微违规的额外 20 分；`points` 覆盖严重违规分值；
  全部六种 `add_*` 加分事件。
- 规则 9 提成池：转正客服销售额分档计提，按综合分（含王喆 101 分、低分的人）分配。
- 规则 10 阶梯罚款：第 2、3 次投诉；第 4、5 次交接遗漏；周报 1-3 次；off_task、missed_cleaning、data_leak；
  2 月 29 日（闰日）的事件。
- 规则 11 薪资：四个级别的保底、级别空白按初级、`level_not_eligible`、试用期底薪 1600、全勤奖（迟到、早退、
  旷工、请假的人没有）、3 月刚转正的林小美。
- 导入：`%`、小数、不带 % 的百分数、千分位、`¥`、`YYYY/M/D`、BOM、`-`、空格、除以零无值、
  花名册多账号；月份之间人员变动（高子涵 2 月入职、谢雨萌 3 月入职、林小美 3 月转正）。

## 串联历史 / History chain

    kefu score --metrics metrics-2024-01.csv --events events-2024-01.csv --scheme shop-default --period 2024-01 -o 2024-01.json
    kefu score --metrics metrics-2024-02.csv --events events-2024-02.csv --scheme shop-default --period 2024-02 --history 2024-01.json -o 2024-02.json
    kefu score --metrics metrics-2024-03.csv --events events-2024-03.csv --scheme shop-default --period 2024-03 --history 2024-01.json --history 2024-02.json -o 2024-03.json

`python3 tools/make_demo.py --check build/native/kefu` runs this chain for every preset.
"""


def generate(out):
    rng = random.Random(SEED)
    months = {m: make_month(m, rng) for m in MONTHS}
    apply_story_edits(months)
    check_story(months)
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "roster.csv"), roster_csv())
    for m in MONTHS:
        write(os.path.join(out, f"metrics-{m}.csv"), metrics_csv(m, months[m]), bom=(m == "2024-01"))
        write(os.path.join(out, f"events-{m}.csv"), events_csv(m))
    write(os.path.join(out, "README.md"), README)
    return months


DEMO_SCHEMES = ["presales-rank", "veteran-targets", "probation-stages", "exam-typing", "dsr-warning",
                "composite-100", "fines-escalating", "pay-levels", "shop-default"]


def check_chain(kefu, demo, schemes, work):
    failed = 0
    for scheme in schemes:
        history, status = [], "ok"
        for m in MONTHS:
            out = os.path.join(work, f"{scheme}-{m}.json")
            cmd = [kefu, "score", "--metrics", os.path.join(demo, f"metrics-{m}.csv"),
                   "--events", os.path.join(demo, f"events-{m}.csv"), "--scheme", scheme, "--period", m, "-o", out]
            for h in history:
                cmd += ["--history", h]
            proc = subprocess.run(cmd, capture_output=True)
            if proc.returncode != 0:
                err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
                status = f"FAILED at {m} (exit {proc.returncode}): {err[-1] if err else ''}"
                break
            history.append(out)
        failed += status != "ok"
        print(f"{scheme}: {status}")
    return failed


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(root, "assets", "demo"))
    ap.add_argument("--check", metavar="KEFU", help="run the history chain with this kefu binary")
    ap.add_argument("--scheme", action="append", help="scheme for --check (repeatable)")
    ap.add_argument("--work", help="folder for the JSON results of --check (default: a temporary folder)")
    args = ap.parse_args()
    if args.check:
        schemes = args.scheme
        if not schemes:
            presets_dir = os.path.join(root, "assets", "presets")
            found = sorted(f[:-5] for f in os.listdir(presets_dir) if f.endswith(".json"))
            schemes = DEMO_SCHEMES + [s for s in found if s not in DEMO_SCHEMES]
        if args.work:
            os.makedirs(args.work, exist_ok=True)
            sys.exit(1 if check_chain(args.check, args.out, schemes, args.work) else 0)
        with tempfile.TemporaryDirectory() as work:
            sys.exit(1 if check_chain(args.check, args.out, schemes, work) else 0)
    generate(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
