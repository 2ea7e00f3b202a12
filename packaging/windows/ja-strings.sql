-- The installer's Japanese texts. wixl (msitools 0.101) writes table strings
-- in the database's code page and leaves that at 0 (ASCII), so Japanese text
-- written in tebiki.wxs would be dropped. scripts/build-windows.sh sets the
-- code page to 932 (Shift_JIS, what Japanese Windows uses for MSI tables),
-- then runs each statement below with msibuild. One statement per line.
UPDATE `Property` SET `Value` = '手引き Tebiki' WHERE `Property` = 'ProductName'
UPDATE `Property` SET `Value` = '情報セキュリティポリシーの手引き・自己点検・研修・報告書。データは各利用者の %APPDATA%\Tebiki にあり、アンインストールしても削除されません。' WHERE `Property` = 'ARPCOMMENTS'
UPDATE `Shortcut` SET `Name` = '手引き', `Description` = '情報セキュリティポリシーの手引き（Tebiki）' WHERE `Shortcut` = 'TebikiShortcut'
UPDATE `Feature` SET `Title` = '手引き Tebiki' WHERE `Feature` = 'Complete'
UPDATE `LaunchCondition` SET `Description` = 'より新しい版の 手引き Tebiki がインストールされています。古い版を入れるには、先に新しい版をアンインストールしてください（データは消えません）。' WHERE `Condition` = 'NOT WIX_DOWNGRADE_DETECTED'
